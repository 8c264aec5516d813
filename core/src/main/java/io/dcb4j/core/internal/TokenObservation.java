package io.dcb4j.core.internal;

import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.TokenEvent;
import java.util.Optional;

/**
 * One request for a token, observed: its outcome, and a scope that keeps the requests of a fetch out of the
 * operation that needed the token. Confined to its thread; only made for an active observer. Internal.
 */
public final class TokenObservation {

    private final DcbObserver observer;
    private final String provider;
    private final Completion<TokenEvent> completion;
    private final OperationScope scope;
    private final long startNanos = System.nanoTime();
    private TokenEvent.Outcome outcome = TokenEvent.Outcome.HIT;

    private TokenObservation(DcbObserver observer, String provider) {
        this.observer = observer;
        this.provider = provider;
        this.completion = Observers.tokenRequested(observer, provider);
        this.scope = OperationScope.openTokenFetch(observer, provider);
    }

    /** A caller asks for a token. */
    public static TokenObservation start(DcbObserver observer, String provider) {
        return new TokenObservation(observer, provider);
    }

    /** Records how the token was obtained; does nothing for a null observation. */
    public static void outcome(TokenObservation observation, TokenEvent.Outcome outcome) {
        if (observation != null) {
            observation.outcome = outcome;
        }
    }

    /**
     * Ends the observation.
     *
     * @param failure what the caller gets, or null when it got a token
     */
    public void end(Throwable failure) {
        scope.close(null);
        TokenEvent event = failure == null
                ? new TokenEvent(provider, outcome, Optional.empty(), Observers.since(startNanos), Optional.empty())
                : new TokenEvent(provider, TokenEvent.Outcome.FAILED, Optional.of(Observers.errorType(failure)),
                        Observers.since(startNanos), Observers.dcbException(failure));
        Observers.complete(observer, completion, event);
    }
}
