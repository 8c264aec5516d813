package io.dcb4j.core.error;

/**
 * The call did not complete: connection refused or reset, timeout, unreadable stream. When the request
 * never reached the provider, or the call is safe to repeat (a read, a write with an idempotency key), it
 * is {@linkplain #isRetryable() retryable}. Otherwise the provider may or may not have applied it: the
 * exception is not retryable, and the caller reconciles with a status query before trying again.
 */
public class DcbTransportException extends DcbException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    /**
     * Creates a retryable exception (the request did not reach the provider, or repeating it is safe).
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public DcbTransportException(String summary, ErrorContext context, Throwable cause) {
        this(summary, context, true, cause);
    }

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param retryable false when the provider may have applied a request that is unsafe to repeat
     * @param cause the cause, or null
     */
    public DcbTransportException(String summary, ErrorContext context, boolean retryable, Throwable cause) {
        super(summary, context, cause);
        this.retryable = retryable;
    }

    /**
     * Whether the same call may be repeated as it is.
     *
     * @return false when a write may already have been applied: reconcile first
     */
    @Override
    public boolean isRetryable() {
        return retryable;
    }
}
