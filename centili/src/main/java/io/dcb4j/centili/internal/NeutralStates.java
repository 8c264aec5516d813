package io.dcb4j.centili.internal;

import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionStatus;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.SubscriptionState;
import java.util.Locale;

/** Centili transaction states in neutral terms. Internal. */
public final class NeutralStates {

    private NeutralStates() {
    }

    /**
     * The charge state of a queried transaction.
     *
     * @param t the transaction
     * @return COMPLETED: SUCCEEDED; PENDING: PENDING_VALIDATION; FAILED: DENIED; CANCELLED: CANCELLED; no status:
     *     DENIED when an error is given, else PROCESSING; an unknown status: DENIED when an error is given, else
     *     UNKNOWN
     */
    public static ChargeState chargeState(Transaction t) {
        TransactionStatus s = t.transactionStatus();
        if (s == null) {
            return t.error() != null ? ChargeState.DENIED : ChargeState.PROCESSING;
        }
        return switch (s) {
            case COMPLETED -> ChargeState.SUCCEEDED;
            case PENDING -> ChargeState.PENDING_VALIDATION;
            case FAILED -> ChargeState.DENIED;
            case CANCELLED -> ChargeState.CANCELLED;
            case UNKNOWN -> t.error() != null ? ChargeState.DENIED : ChargeState.UNKNOWN;
        };
    }

    /**
     * The subscription state of a queried transaction.
     *
     * @param t the transaction
     * @return ACTIVE for a completed start or renewal, CANCELLED for a completed opt-out or refund and for failed or
     *     cancelled transactions, PENDING while pending, UNKNOWN for unknown values
     */
    public static SubscriptionState subscriptionState(Transaction t) {
        ChargeState c = chargeState(t);
        return switch (c) {
            case SUCCEEDED -> t.transactionType() == TransactionType.OPT_OUT
                    || t.transactionType() == TransactionType.REFUND ? SubscriptionState.CANCELLED
                    : SubscriptionState.ACTIVE;
            case PENDING_VALIDATION, PROCESSING -> SubscriptionState.PENDING;
            case DENIED, CANCELLED -> SubscriptionState.CANCELLED;
            case UNKNOWN -> SubscriptionState.UNKNOWN;
        };
    }

    /**
     * Why a transaction failed, read from its {@code error} text (the document gives no codes; matching is
     * by keyword and falls back to BILLING_FAILED).
     *
     * @param error the error text, or null
     * @return the reason
     */
    public static FailureReason failureReason(String error) {
        if (error == null) {
            return FailureReason.BILLING_FAILED;
        }
        String e = error.toUpperCase(Locale.ROOT);
        if (e.contains("INSUFFICIENT") || e.contains("BALANCE") || e.contains("CREDIT") || e.contains("FUNDS")) {
            return FailureReason.INSUFFICIENT_FUNDS;
        }
        if (e.contains("LIMIT")) {
            return FailureReason.SPEND_LIMIT;
        }
        if (e.contains("BARRED") || e.contains("BLOCKED") || e.contains("BLACKLIST")) {
            return FailureReason.BARRED;
        }
        if (e.contains("UNKNOWN_SUBSCRIBER") || e.contains("UNKNOWN SUBSCRIBER") || e.contains("INVALID_MSISDN")
                || e.contains("SUBSCRIBER_NOT_FOUND")) {
            return FailureReason.UNKNOWN_SUBSCRIBER;
        }
        if (e.contains("DENIED") || e.contains("REJECT") || e.contains("CANCEL")) {
            return FailureReason.DENIED;
        }
        return FailureReason.BILLING_FAILED;
    }
}
