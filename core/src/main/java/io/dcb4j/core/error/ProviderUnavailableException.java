package io.dcb4j.core.error;

/**
 * The provider failed (HTTP 5xx or an outage code). Retryable later.
 */
public class ProviderUnavailableException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public ProviderUnavailableException(String summary, ErrorContext context, Throwable cause) {
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
