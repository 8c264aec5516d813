package io.dcb4j.core.journal;

/** The money-moving writes of the neutral API that the journal records. */
public enum JournalOperation {
    /** {@link io.dcb4j.core.Charges#charge}; resolved with {@link io.dcb4j.core.Charges#status}. */
    CHARGE,
    /**
     * {@link io.dcb4j.core.PinSubscriptions#confirmPin}; resolved with {@link io.dcb4j.core.Subscriptions#status}.
     */
    CONFIRM_PIN,
    /** {@link io.dcb4j.core.Renewals#renew}; resolved with {@link io.dcb4j.core.Subscriptions#status}. */
    RENEW,
    /**
     * {@link io.dcb4j.core.Refunds#refund}; resolved by finding the refund sent with the entry's idempotency key
     * ({@link io.dcb4j.core.spi.JournalReferences#findRefund}), since the refund's id is issued in the answer.
     */
    REFUND
}
