package io.dcb4j.core.error;

/**
 * The provider says the endpoint is not in use (HTTP 501): the integration must call another endpoint.
 */
public class EndpointNotInUseException extends DcbApiException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public EndpointNotInUseException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
