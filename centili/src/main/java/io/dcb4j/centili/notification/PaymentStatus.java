package io.dcb4j.centili.notification;

import java.util.Locale;

/**
 * The {@code status} of a payment-result notification, read case-insensitively. The document does not list
 * the values; these are the ones Centili's public integrations use, and anything else is {@link #UNKNOWN}
 * with the raw text kept.
 */
public enum PaymentStatus {
    /** Billed ({@code success}, also {@code completed}, {@code ok}). */
    SUCCESS,
    /** Billing failed ({@code failed}, also {@code failure}, {@code error}). */
    FAILED,
    /** The subscriber cancelled ({@code canceled}, {@code cancelled}). */
    CANCELED,
    /** Not final yet ({@code pending}). */
    PENDING,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Maps the wire value.
     *
     * @param raw the value, or null
     * @return the constant, null for null or blank
     */
    public static PaymentStatus fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "success", "successful", "completed", "ok" -> SUCCESS;
            case "failed", "failure", "error" -> FAILED;
            case "canceled", "cancelled" -> CANCELED;
            case "pending" -> PENDING;
            default -> UNKNOWN;
        };
    }
}
