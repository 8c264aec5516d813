package io.dcb4j.core.internal;

import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.TokenEvent;
import java.util.Optional;

/**
 * One request for a token, observed: a hit costs one call of the observer; a miss starts the observer's fetch
 * completion and a scope that keeps the requests of the fetch out of the operation that needed the token.
 * Confined to its thread; only made for an active observer. Internal.
 */
public final class TokenObservation {

    private final DcbObserver observer;
    private final String provider;
    private final long startNanos = System.nanoTime();
    /** Null until the cache missed. */
    private Completion<TokenEvent> completion;
    private OperationScope scope;
    /** A miss whose second look at the store finds a token (another instance stored it) stays a hit. */
    private TokenEvent.Outcome outcome = TokenEvent.Outcome.HIT;

    private TokenObservation(DcbObserver observer, String provider) {
        this.observer = observer;
        this.provider = provider;
    }

    /** A caller asks for a token; nothing is reported before the cache is read. */
    public static TokenObservation start(DcbObserver observer, String provider) {
        return new TokenObservation(observer, provider);
    }

    /** No valid token was cached: a fetch or a wait for one starts. Does nothing for a null observation. */
    public static void missed(TokenObservation observation) {
        if (observation != null && observation.completion == null) {
            observation.completion = Observers.tokenFetchStarted(observation.observer, observation.provider);
            observation.scope = OperationScope.openTokenFetch(observation.observer, observation.provider);
        }
    }

    /** Records how a missing token was obtained; does nothing for a null observation. */
    public static void outcome(TokenObservation observation, TokenEvent.Outcome outcome) {
        if (observation != null) {
            observation.outcome = outcome;
        }
    }

    /**
     * Ends the observation: a hit when the cache never missed and no failure came.
     *
     * @param failure what the caller gets, or null when it got a token
     */
    public void end(Throwable failure) {
        if (completion == null && failure == null) {
            Observers.tokenCacheHit(observer, new TokenEvent(provider, TokenEvent.Outcome.HIT, Optional.empty(),
                    Observers.since(startNanos), Optional.empty()));
            return;
        }
        missed(this);
        scope.close(null);
        TokenEvent event = failure == null
                ? new TokenEvent(provider, outcome, Optional.empty(), Observers.since(startNanos), Optional.empty())
                : new TokenEvent(provider, TokenEvent.Outcome.FAILED, Optional.of(Observers.errorType(failure)),
                        Observers.since(startNanos), Observers.dcbException(failure));
        Observers.complete(observer, completion, event);
    }
}
