package io.dcb4j.core.journal;

/** Where an intent stands. */
public enum JournalState {
    /** Recorded before sending; the call is running, or its instance died before recording the outcome. */
    PENDING,
    /** The provider answered; the outcome is recorded and a repeated call returns it without sending. */
    COMPLETED,
    /**
     * The provider refused, or the call failed before anything was sent: nothing was applied, and a repeated
     * call with the same key and request sends again.
     */
    FAILED,
    /** Sent, but the outcome is unknown (timeout, transport error, unreadable answer): for the reconciler. */
    UNKNOWN,
    /** The reconciler learnt the outcome from the provider's status operation; a repeated call returns it. */
    RESOLVED,
    /**
     * The reconciler cannot learn the outcome (no status operation, no reference to query, attempts used up):
     * a person must look; it is never retried by dcb4j.
     */
    NEEDS_REVIEW;

    /**
     * Whether the intent still waits for an outcome (pending, unknown or for review).
     *
     * @return true for {@link #PENDING}, {@link #UNKNOWN} and {@link #NEEDS_REVIEW}
     */
    public boolean isOpen() {
        return this == PENDING || this == UNKNOWN || this == NEEDS_REVIEW;
    }
}
