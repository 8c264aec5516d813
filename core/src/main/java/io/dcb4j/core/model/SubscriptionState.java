package io.dcb4j.core.model;

/** The neutral state of a subscription. A provider value with no neutral meaning maps to {@link #UNKNOWN}. */
public enum SubscriptionState {
    /** Requested, not yet confirmed or not yet billed. */
    PENDING,
    /** Active: the subscriber has access. */
    ACTIVE,
    /** Suspended, typically for lack of funds; may come back. */
    SUSPENDED,
    /** Cancelled by the subscriber, the merchant or the operator. */
    CANCELLED,
    /** Ended because its period ran out. */
    EXPIRED,
    /** A provider value dcb4j cannot map; the raw value is kept beside it. */
    UNKNOWN
}
