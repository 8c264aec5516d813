package io.dcb4j.core.error;

/**
 * A conflict: already subscribed, or a request with the same idempotency key is still executing (HTTP
 * 409). Only the second kind is retryable, after a backoff.
 */
public class ConflictException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param retryable true when the same call may succeed later (request still executing)
     * @param cause the cause, or null
     */
    public ConflictException(String summary, ErrorContext context, boolean retryable, Throwable cause) {
        super(summary, context, cause);
        this.retryable = retryable;
    }

    /**
     * Whether a retry after a backoff may succeed.
     *
     * @return true for "still executing", false for "already exists"
     */
    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
