package io.dcb4j.core.journal;

import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.SubscriptionInfo;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link Reconciler} learnt of one open intent, published to its {@link ReconcileListener}.
 *
 * @param entry the journal entry after the reconciler recorded what it learnt
 * @param kind what it learnt
 * @param charge the charge's status, for a resolved {@link JournalOperation#CHARGE}; null otherwise
 * @param subscription the subscription's status, for a resolved {@link JournalOperation#CONFIRM_PIN} or
 *     {@link JournalOperation#RENEW}; null otherwise
 * @param refund the refund's state, for a resolved {@link JournalOperation#REFUND}; null otherwise
 * @param reason why it is not resolved (an exception type, a missing status operation); null when resolved
 */
public record Resolution(JournalEntry entry, Kind kind, ChargeResult charge, SubscriptionInfo subscription,
        RefundResult refund, String reason) {

    /** What the reconciler learnt. */
    public enum Kind {
        /** The provider's status answered: the entry is {@link JournalState#RESOLVED} with that outcome. */
        RESOLVED,
        /**
         * The provider does not know the write (its status answered "not found"): nothing was applied, the entry
         * is {@link JournalState#FAILED} and the same request may be sent again.
         */
        NOT_APPLIED,
        /**
         * The outcome cannot be learnt (no status operation, no reference to query, attempts used up): the entry
         * is {@link JournalState#NEEDS_REVIEW}; dcb4j never retries it.
         */
        NEEDS_REVIEW,
        /** The status query failed this time (the provider is down): tried again by a later run. */
        STILL_UNKNOWN
    }

    /**
     * Validates.
     *
     * @param entry required
     * @param kind required
     * @param charge optional
     * @param subscription optional
     * @param refund optional
     * @param reason optional
     */
    public Resolution {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(kind, "kind");
    }

    /**
     * A resolution of a charge, a PIN confirmation or a renewal (no refund).
     *
     * @param entry required
     * @param kind required
     * @param charge optional
     * @param subscription optional
     * @param reason optional
     */
    public Resolution(JournalEntry entry, Kind kind, ChargeResult charge, SubscriptionInfo subscription,
            String reason) {
        this(entry, kind, charge, subscription, null, reason);
    }

    /**
     * The charge's status.
     *
     * @return present for a resolved charge
     */
    public Optional<ChargeResult> chargeStatus() {
        return Optional.ofNullable(charge);
    }

    /**
     * The subscription's status.
     *
     * @return present for a resolved PIN confirmation or renewal
     */
    public Optional<SubscriptionInfo> subscriptionStatus() {
        return Optional.ofNullable(subscription);
    }

    /**
     * The refund's state.
     *
     * @return present for a resolved refund
     */
    public Optional<RefundResult> refundStatus() {
        return Optional.ofNullable(refund);
    }
}
