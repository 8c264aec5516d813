package io.dcb4j.eclipsevas.model;

import java.util.Locale;

/**
 * The status of an Eclipse payment. The documents show {@code PENDING} and say a payment is finalised as
 * successful or in error; other values map to {@link #UNKNOWN} and the raw text is kept on {@link Payment}.
 */
public enum PaymentStatus {
    /** Accepted, not finalised yet. */
    PENDING,
    /** Paid ({@code SUCCESSFUL}, also read from {@code SUCCESS} and {@code COMPLETED}). */
    SUCCESSFUL,
    /** Failed ({@code ERROR}, also read from {@code FAILED} and {@code FAILURE}). */
    ERROR,
    /** Cancelled before payment. */
    CANCELLED,
    /** Expired before payment. */
    EXPIRED,
    /** A value dcb4j does not know. */
    UNKNOWN;

    /**
     * Reads a status case-insensitively.
     *
     * @param raw the provider's value, possibly null
     * @return the status; {@link #UNKNOWN} for null or unknown values
     */
    public static PaymentStatus of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "PENDING" -> PENDING;
            case "SUCCESSFUL", "SUCCESS", "COMPLETED" -> SUCCESSFUL;
            case "ERROR", "FAILED", "FAILURE" -> ERROR;
            case "CANCELLED", "CANCELED" -> CANCELLED;
            case "EXPIRED" -> EXPIRED;
            default -> UNKNOWN;
        };
    }

    /**
     * Whether no further change is expected.
     *
     * @return true for SUCCESSFUL, ERROR, CANCELLED and EXPIRED
     */
    public boolean isFinal() {
        return this == SUCCESSFUL || this == ERROR || this == CANCELLED || this == EXPIRED;
    }
}
