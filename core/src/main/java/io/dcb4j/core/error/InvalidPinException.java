package io.dcb4j.core.error;

/**
 * The PIN was wrong or expired. The subscriber may try again with another PIN.
 */
public class InvalidPinException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public InvalidPinException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
