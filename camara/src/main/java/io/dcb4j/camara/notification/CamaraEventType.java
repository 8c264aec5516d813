package io.dcb4j.camara.notification;

import io.dcb4j.core.notification.BillingEvent;

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

    /** What every type starts with; {@code -refund}, then {@code .v} and the major version, may follow. */
    private static final String PREFIX = "org.camaraproject.carrier-billing";
    private static final String REFUND_API = "-refund";
    private static final CamaraEventType[] VALUES = values();

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
        // org.camaraproject.carrier-billing(-refund)?.v[0-9]{1,3}.([a-z-]{1,40}) in raw.strip().toLowerCase(ROOT),
        // read without a regular expression or a lower-case copy
        String t = raw.strip();
        if (!lowerCaseStartsWith(t, 0, PREFIX)) {
            return UNKNOWN;
        }
        int i = PREFIX.length();
        boolean refundApi = lowerCaseStartsWith(t, i, REFUND_API);
        if (refundApi) {
            i += REFUND_API.length();
        }
        if (!lowerCaseStartsWith(t, i, ".v")) {
            return UNKNOWN;
        }
        i += 2;
        int digits = i;
        while (i < t.length() && i - digits < 4 && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i - digits > 3 || i >= t.length() || t.charAt(i) != '.') {
            return UNKNOWN;
        }
        // the name: every known one is [a-z-]{1,40}, so a text that is none of them is UNKNOWN either way
        int name = i + 1;
        for (CamaraEventType type : VALUES) {
            if (type.name != null && type.refund == refundApi && t.length() - name == type.name.length()
                    && lowerCaseStartsWith(t, name, type.name)) {
                return type;
            }
        }
        return UNKNOWN;
    }

    /**
     * Whether {@code text.toLowerCase(Locale.ROOT)} has the ASCII {@code lowerCase} at {@code from}, where the
     * text before {@code from} is ASCII. Only ASCII letters lower-case to ASCII letters here: of the two other
     * characters that do, the Kelvin sign becomes {@code k}, which no type has, and the dotted capital I becomes
     * two characters, the second of them not ASCII.
     */
    private static boolean lowerCaseStartsWith(String text, int from, String lowerCase) {
        if (text.startsWith(lowerCase, from)) {
            // the usual spelling, compared a string at a time
            return true;
        }
        if (text.length() - from < lowerCase.length()) {
            return false;
        }
        for (int i = 0; i < lowerCase.length(); i++) {
            char c = text.charAt(from + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lowerCase.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
