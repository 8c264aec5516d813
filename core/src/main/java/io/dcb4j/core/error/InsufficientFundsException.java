package io.dcb4j.core.error;

/**
 * The subscriber cannot pay: balance, spend limit or barring.
 */
public class InsufficientFundsException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public InsufficientFundsException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
