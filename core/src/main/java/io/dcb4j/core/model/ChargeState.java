package io.dcb4j.core.model;

/**
 * The neutral state of a charge, after the CAMARA Carrier Billing API. A provider value with no neutral
 * meaning maps to {@link #UNKNOWN}.
 */
public enum ChargeState {
    /** Accepted, the outcome is not known yet. */
    PROCESSING,
    /** Waiting for the subscriber to act (PIN, consent page, SMS). */
    PENDING_VALIDATION,
    /**
     * Reserved: the amount is held and nothing is billed until the merchant confirms the charge (a two-step
     * charge), or cancels it; providers release reservations that wait too long.
     */
    RESERVED,
    /** Billed. */
    SUCCEEDED,
    /** Refused by the operator or the provider. */
    DENIED,
    /** Cancelled or released before billing. */
    CANCELLED,
    /** A provider value dcb4j cannot map; the raw value is kept beside it. */
    UNKNOWN;

    /**
     * Whether no further change is expected.
     *
     * @return true for SUCCEEDED, DENIED and CANCELLED
     */
    public boolean isFinal() {
        return this == SUCCEEDED || this == DENIED || this == CANCELLED;
    }
}
