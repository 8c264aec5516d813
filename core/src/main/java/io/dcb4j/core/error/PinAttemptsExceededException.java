package io.dcb4j.core.error;

/**
 * Too many wrong PINs: the challenge is dead, start a new one.
 */
public class PinAttemptsExceededException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public PinAttemptsExceededException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
