package io.dcb4j.core.error;

/**
 * The subscription or transaction is unknown to the provider.
 */
public class NotFoundException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public NotFoundException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
