package io.dcb4j.core.error;

/**
 * The provider's answer could not be understood: not JSON, the wrong shape, missing fields, or a callback with missing or malformed parameters.
 */
public class DcbProtocolException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public DcbProtocolException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
