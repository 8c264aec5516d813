package io.dcb4j.core.error;

/**
 * The provider answered with an error.
 */
public class DcbApiException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public DcbApiException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
