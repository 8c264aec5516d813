package io.dcb4j.micrometer;

/**
 * The names of dcb4j's observations, of their key values and of the retry event, as the default conventions use
 * them.
 */
public final class DcbObservations {

    /** One operation of a client: a neutral call, or a request of a provider's typed API. */
    public static final String OPERATION = "dcb.operation";
    /**
     * One request for a token that missed the cache: a fetch, a wait for another caller's fetch, or a failure (and
     * a cache hit, when {@link MicrometerObserver.Builder#observeTokenCacheHits(boolean)} asks for it).
     */
    public static final String TOKEN_FETCH = "dcb.token.fetch";
    /** One callback: accepted, a duplicate, refused, or invalid. */
    public static final String NOTIFICATION = "dcb.notification";
    /**
     * The event of an operation or token fetch whose attempt failed and is repeated; Micrometer's meter handler
     * counts it as {@code dcb.operation.retry} and {@code dcb.token.fetch.retry}, a tracer adds it to the span.
     */
    public static final String RETRY_EVENT = "retry";

    /** Low cardinality: the provider id. */
    public static final String PROVIDER = "provider";
    /** Low cardinality: the operation's name. */
    public static final String OPERATION_NAME = "operation";
    /** Low cardinality, added at the end: how it ended ({@code success}, {@code hit}, {@code accepted}...). */
    public static final String OUTCOME = "outcome";
    /** Low cardinality, added at the end: the simple class name of the exception, {@code none} without one. */
    public static final String ERROR_TYPE = "error.type";
    /** Low cardinality, added at the end: a callback's event type ({@code subscribed}...), {@code none} without one. */
    public static final String EVENT_TYPE = "event.type";
    /** Low cardinality, added at the end: why a callback was refused ({@code shared_secret}...), else {@code none}. */
    public static final String REFUSAL_REASON = "refusal.reason";
    /** High cardinality: the provider's request id of the last answer, when the provider sends one. */
    public static final String REQUEST_ID = "request.id";
    /** High cardinality: the HTTP requests the operation sent or tried to send. */
    public static final String ATTEMPTS = "attempts";
    /** High cardinality, when there were any: how many of those repeated a failed one. */
    public static final String RETRIES = "retries";
    /** High cardinality, for a failure: whether it is worth repeating later. */
    public static final String RETRYABLE = "retryable";

    /** The value of a key whose subject is absent ({@code error.type} of a success). */
    public static final String NONE = "none";
    private DcbObservations() {
    }
}
