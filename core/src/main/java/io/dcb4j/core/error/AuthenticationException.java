package io.dcb4j.core.error;

/**
 * The provider rejected the credentials, after one token refresh.
 */
public class AuthenticationException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public AuthenticationException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
