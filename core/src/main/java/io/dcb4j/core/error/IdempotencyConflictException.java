package io.dcb4j.core.error;

import java.util.Objects;

/**
 * The charge journal refused a money-moving write without sending it: its idempotency key is taken by another
 * request, or by a call whose outcome is not known yet. {@link #reason()} says which. Nothing was sent.
 */
public class IdempotencyConflictException extends DcbException {

    private static final long serialVersionUID = 1L;

    /** Why the write was refused. */
    public enum Reason {
        /** The key was used for a different request (another amount, subscriber, offer...): use a new key. */
        DIFFERENT_REQUEST,
        /** A call with this key is running now (on this or another instance): wait for its outcome. */
        IN_PROGRESS,
        /**
         * A call with this key was sent and its outcome is unknown: the reconciler resolves it; sending again
         * could charge twice.
         */
        OUTCOME_UNKNOWN,
        /** The reconciler could not learn this key's outcome: a person must look before anything is sent. */
        NEEDS_REVIEW
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param summary what went wrong; no secrets, no idempotency key
     * @param context the provider and operation
     * @param reason why
     */
    public IdempotencyConflictException(String summary, ErrorContext context, Reason reason) {
        super(summary, context, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the write was refused.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether the same call may succeed later.
     *
     * @return true while a call is in progress or its outcome is being reconciled
     */
    @Override
    public boolean isRetryable() {
        return reason == Reason.IN_PROGRESS || reason == Reason.OUTCOME_UNKNOWN;
    }
}
