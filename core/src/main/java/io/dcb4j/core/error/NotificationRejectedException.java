package io.dcb4j.core.error;

import java.util.Objects;

/**
 * An inbound notification failed its authenticity check (signature, shared secret or source address), or is
 * ambiguous (a parameter or JSON key given twice with different values). Answer it with 401 or 403 and do not
 * process it.
 */
public class NotificationRejectedException extends DcbException {

    private static final long serialVersionUID = 1L;

    /** Which check refused a callback: a low-cardinality value for metrics and logs. */
    public enum Reason {
        /** The sender's address is unknown or outside the allow-list. */
        SOURCE_ADDRESS,
        /** The shared secret is missing or different. */
        SHARED_SECRET,
        /** The signature is missing or does not match. */
        SIGNATURE,
        /** A parameter or JSON key is given more than once with different values. */
        AMBIGUOUS,
        /** Another check, or one that did not say which. */
        OTHER
    }

    /** Which check refused the callback. */
    private final Reason reason;

    /**
     * Creates the exception, its reason {@link Reason#OTHER}.
     *
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public NotificationRejectedException(String summary, ErrorContext context, Throwable cause) {
        this(Reason.OTHER, summary, context, cause);
    }

    /**
     * Creates the exception.
     *
     * @param reason which check refused the callback
     * @param summary what went wrong; no secrets
     * @param context where it went wrong
     * @param cause the cause, or null
     */
    public NotificationRejectedException(Reason reason, String summary, ErrorContext context, Throwable cause) {
        super(summary, context, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Which check refused the callback.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
