package io.dcb4j.centili.model;

import java.util.Locale;

/**
 * The state of a Centili transaction ({@code transactionStatus}). Only {@code COMPLETED} is documented; the
 * other constants are inferred names read tolerantly (case-insensitive, {@code CANCELED} and
 * {@code RELEASED} read as {@link #CANCELLED}), and anything else is {@link #UNKNOWN} with the raw text kept.
 */
public enum TransactionStatus {
    /** Completed: the subscriber was billed (documented). */
    COMPLETED,
    /** Still waiting for the subscriber or the operator (inferred). */
    PENDING,
    /** Billing failed; see the transaction's {@code error} (inferred). */
    FAILED,
    /** Cancelled or released before billing (inferred). */
    CANCELLED,
    /** A value this version does not know; the raw text is kept beside it. */
    UNKNOWN;

    /**
     * Maps the wire value, case-insensitively.
     *
     * @param raw the value, or null
     * @return the constant, {@link #UNKNOWN} for anything else, null for null or blank
     */
    public static TransactionStatus fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.strip().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "COMPLETED" -> COMPLETED;
            case "PENDING" -> PENDING;
            case "FAILED" -> FAILED;
            case "CANCELLED", "CANCELED", "RELEASED" -> CANCELLED;
            default -> UNKNOWN;
        };
    }
}
