package io.dcb4j.core.model;

/**
 * The neutral state of a refund, after the CAMARA Carrier Billing Refund API. A provider value with no neutral
 * meaning maps to {@link #UNKNOWN}.
 */
public enum RefundState {
    /** Accepted, the outcome is not known yet. */
    PROCESSING,
    /** Refunded (or confirmed to appear on the subscriber's next bill). */
    SUCCEEDED,
    /** Refused by the operator or the provider. */
    DENIED,
    /** A provider value dcb4j cannot map; the raw value is kept beside it. */
    UNKNOWN;

    /**
     * Whether no further change is expected.
     *
     * @return true for SUCCEEDED and DENIED
     */
    public boolean isFinal() {
        return this == SUCCEEDED || this == DENIED;
    }
}
