package io.dcb4j.core.error;

/**
 * An inbound notification failed its authenticity check (signature, shared secret or source address), or is
 * ambiguous (a parameter or JSON key given twice with different values). Answer it with 401 or 403 and do not
 * process it.
 */
public class NotificationRejectedException extends DcbException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public NotificationRejectedException(String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
    }

}
