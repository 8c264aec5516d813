package io.dcb4j.camara.notification;

import io.dcb4j.core.notification.BillingEvent;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code type} of a CAMARA CloudEvent: {@code org.camaraproject.carrier-billing.v0.payment-...} and
 * {@code org.camaraproject.carrier-billing-refund.v0.refund-...} (any major version is read).
 */
public enum CamaraEventType {
    /** {@code payment-pending-validation}: a prepared payment waits for the subscriber's validation. */
    PAYMENT_PENDING_VALIDATION(false, "payment-pending-validation", BillingEvent.Type.CHARGE_PENDING),
    /** {@code payment-reserved}: a prepared payment holds the amount; confirm or cancel it. */
    PAYMENT_RESERVED(false, "payment-reserved", BillingEvent.Type.CHARGE_RESERVED),
    /** {@code payment-completed}: the payment was charged ({@code paymentDate}). */
    PAYMENT_COMPLETED(false, "payment-completed", BillingEvent.Type.CHARGED),
    /** {@code payment-cancelled}: a prepared payment was cancelled or expired. */
    PAYMENT_CANCELLED(false, "payment-cancelled", BillingEvent.Type.CHARGE_CANCELLED),
    /** {@code payment-denied}: the payment was refused ({@code denialReason}). */
    PAYMENT_DENIED(false, "payment-denied", BillingEvent.Type.CHARGE_FAILED),
    /** {@code refund-completed}: the refund was made ({@code refundDate}). */
    REFUND_COMPLETED(true, "refund-completed", BillingEvent.Type.REFUNDED),
    /** {@code refund-in-bill}: the refund will be applied on the subscriber's next bill. */
    REFUND_IN_BILL(true, "refund-in-bill", BillingEvent.Type.REFUNDED),
    /** {@code refund-denied}: the refund was refused ({@code denialReason}). */
    REFUND_DENIED(true, "refund-denied", BillingEvent.Type.REFUND_FAILED),
    /** A type this version does not know; the raw value is kept beside it. */
    UNKNOWN(false, null, BillingEvent.Type.UNKNOWN);

    private static final Pattern TYPE = Pattern.compile(
            "org\\.camaraproject\\.carrier-billing(-refund)?\\.v[0-9]{1,3}\\.([a-z-]{1,40})");

    private final boolean refund;
    private final String name;
    private final BillingEvent.Type eventType;

    CamaraEventType(boolean refund, String name, BillingEvent.Type eventType) {
        this.refund = refund;
        this.name = name;
        this.eventType = eventType;
    }

    /**
     * Whether this is a refund event.
     *
     * @return true for the {@code carrier-billing-refund} events
     */
    public boolean isRefund() {
        return refund;
    }

    /**
     * The neutral event type (a {@code status} of {@code failed} turns it into a failure; the parser does that).
     *
     * @return the type
     */
    public BillingEvent.Type eventType() {
        return eventType;
    }

    /**
     * Reads a type, case-insensitively.
     *
     * @param raw the CloudEvent {@code type}, or null
     * @return the type; UNKNOWN when it is none of the specification's
     */
    public static CamaraEventType of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        Matcher m = TYPE.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return UNKNOWN;
        }
        boolean refundApi = m.group(1) != null;
        for (CamaraEventType t : values()) {
            if (t.name != null && t.refund == refundApi && t.name.equals(m.group(2))) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
