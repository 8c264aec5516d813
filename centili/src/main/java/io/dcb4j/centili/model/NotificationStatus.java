package io.dcb4j.centili.model;

import java.util.Locale;

/** Whether Centili delivered its notification of a transaction to the merchant ({@code notificationStatus}). */
public enum NotificationStatus {
    /** Delivered. */
    DELIVERED,
    /** Delivery failed. */
    FAILED,
    /** Not sent, by configuration. */
    EXCLUDED,
    /** Not sent yet. */
    PENDING,
    /** The merchant's endpoint refused it. */
    REJECTED,
    /** A value this version does not know; the raw text is kept beside it. */
    UNKNOWN;

    /**
     * Maps the wire value, case-insensitively.
     *
     * @param raw the value, or null
     * @return the constant, {@link #UNKNOWN} for anything else, null for null or blank
     */
    public static NotificationStatus fromWire(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
