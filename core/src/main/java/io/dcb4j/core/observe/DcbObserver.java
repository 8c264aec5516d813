package io.dcb4j.core.observe;

import io.dcb4j.core.internal.NoopObserver;

/**
 * Told about what a client does, for metrics, traces and logs: each operation (its outcome, error type, attempts,
 * retries, duration and the provider's request id), each retry, each request for a token (a cache hit, or a
 * miss: a fetch, a wait for another caller's fetch, a failure) and each callback (accepted, refused and why, duplicate, invalid).
 * Give it to a client with {@link io.dcb4j.core.ClientOptions.Builder#observer}; every method does nothing by
 * default, so an implementation overrides what it needs.
 *
 * <p><b>What an observer sees.</b> Provider ids, operation names, outcomes, exception class names, counts,
 * durations, the provider's request id (cleaned like all provider text) and the {@link
 * io.dcb4j.core.error.DcbException} that ended an operation (whose message never holds a secret). Never a
 * credential, token, PIN, full MSISDN, request or answer body.
 *
 * <p><b>What an operation is.</b> A call of a neutral part ({@link io.dcb4j.core.PinSubscriptions},
 * {@link io.dcb4j.core.Charges}, {@link io.dcb4j.core.Subscriptions}, {@link io.dcb4j.core.Cancellations},
 * {@link io.dcb4j.core.Renewals}) of a client built on {@link io.dcb4j.core.spi.ProviderClient} is one operation
 * named {@code requestPin}, {@code confirmPin}, {@code charge}, {@code chargeStatus}, {@code subscriptionStatus},
 * {@code cancel} or {@code renew}, whatever number of requests it makes; its outcome is what the caller got,
 * also when the provider reported the failure inside a successful HTTP answer. A call of a provider's typed API
 * is observed request by request, each named by the provider's operation ({@code sendPin}, {@code
 * startTransaction}...); such an operation ends with the HTTP exchange, so a failure the provider's client reads
 * afterwards from a 2xx answer is not its outcome. A request a token fetch makes belongs to the token request,
 * not to an operation.
 *
 * <p><b>Contract.</b> Methods are called on the thread that runs the call, so they must be fast and
 * thread-safe; an exception an observer throws is logged (logger {@code io.dcb4j.observer}) and ignored, never
 * the caller's problem. Each {@link Completion} an observer returns is completed exactly once.
 */
public interface DcbObserver {

    /**
     * The observer that does nothing, the default of {@link io.dcb4j.core.ClientOptions}: with it a client
     * does no observation work at all.
     *
     * @return the no-op observer
     */
    static DcbObserver noop() {
        return NoopObserver.INSTANCE;
    }

    /**
     * An operation starts on this thread.
     *
     * @param provider the provider id
     * @param operation the operation's name
     * @return told how the operation ended; {@link Completion#ignore()} by default
     */
    default Completion<OperationEvent> operationStarted(String provider, String operation) {
        return Completion.ignore();
    }

    /**
     * An attempt of an operation or token fetch failed and is repeated after {@link RetryEvent#delay()}.
     *
     * @param event the retry
     */
    default void retrying(RetryEvent event) {
    }

    /**
     * A call found a valid token in the token cache (before each attempt of an authenticated request): nothing
     * is fetched. Called on every authenticated attempt, so keep it cheap.
     *
     * @param event the hit ({@link TokenEvent.Outcome#HIT}) and the time the lookup took
     */
    default void tokenCacheHit(TokenEvent event) {
    }

    /**
     * A call found no valid token in the token cache: it fetches one, or waits for the fetch another call runs.
     *
     * @param provider the provider id
     * @return told how it ended: {@link TokenEvent.Outcome#FETCHED}, {@link TokenEvent.Outcome#SHARED}, {@link
     *     TokenEvent.Outcome#FAILED}, or {@link TokenEvent.Outcome#HIT} when the fetch found that another instance
     *     sharing the token store had stored one meanwhile; {@link Completion#ignore()} by default
     */
    default Completion<TokenEvent> tokenFetchStarted(String provider) {
        return Completion.ignore();
    }

    /**
     * A callback is being parsed (authenticity checks included), or a de-duplicator wrapped by {@link
     * ObservedEventDeduplicator} found a delivery it has seen.
     *
     * @param provider the provider id
     * @return told how it ended; {@link Completion#ignore()} by default
     */
    default Completion<NotificationEvent> notificationReceived(String provider) {
        return Completion.ignore();
    }
}
