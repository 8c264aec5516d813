package io.dcb4j.core.error;

/**
 * The call did not complete: connection refused or reset, timeout, unreadable stream. The request may or may not have been applied by the provider; for a write, reconcile with a status query before retrying.
 */
public class DcbTransportException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public DcbTransportException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

    /**
     * Whether a retry may succeed.
     *
     * @return true
     */
    @Override
    public boolean isRetryable() {
        return true;
    }
}
