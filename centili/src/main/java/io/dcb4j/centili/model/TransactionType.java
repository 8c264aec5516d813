package io.dcb4j.centili.model;

import java.util.Locale;

/** The kind of a Centili transaction ({@code transactionType}). */
public enum TransactionType {
    /** A one-off charge. */
    CHARGE,
    /** A subscription renewal charge. */
    RENEW,
    /** A subscription opt-in. */
    OPT_IN,
    /** A subscription opt-out. */
    OPT_OUT,
    /** A refund. */
    REFUND,
    /** The start of a subscription (seen in real answers, not in the document). */
    SUB_START,
    /** A value this version does not know; the raw text is kept beside it. */
    UNKNOWN;

    /**
     * Maps the wire value, case-insensitively.
     *
     * @param raw the value, or null
     * @return the constant, {@link #UNKNOWN} for anything else, null for null or blank
     */
    public static TransactionType fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            TransactionType t = valueOf(raw.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
            return t;
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
