package io.dcb4j.camara.model;

import java.util.Locale;
import java.util.Optional;

/** A payment's {@code paymentStatus}. */
public enum PaymentStatus {
    /** {@code processing}: accepted, the outcome comes later. */
    PROCESSING("processing"),
    /** {@code pending_validation}: a prepared payment waits for the subscriber's validation. */
    PENDING_VALIDATION("pending_validation"),
    /** {@code reserved}: a prepared payment holds the amount until it is confirmed or cancelled. */
    RESERVED("reserved"),
    /** {@code succeeded}: charged. */
    SUCCEEDED("succeeded"),
    /** {@code denied}: refused. */
    DENIED("denied"),
    /** {@code cancelled}: a prepared payment was cancelled (or expired) before it was charged. */
    CANCELLED("cancelled"),
    /** A value this version does not know; the raw value is kept beside it. */
    UNKNOWN(null);

    private final String wireValue;

    PaymentStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value on the wire.
     *
     * @return for example {@code pending_validation}; empty for UNKNOWN
     */
    public Optional<String> wireValue() {
        return Optional.ofNullable(wireValue);
    }

    /**
     * Reads a status, case-insensitively.
     *
     * @param raw the wire value, or null
     * @return the status; UNKNOWN when not one of the specification's
     */
    public static PaymentStatus of(String raw) {
        if (raw != null) {
            String v = raw.strip().toLowerCase(Locale.ROOT);
            for (PaymentStatus s : values()) {
                if (v.equals(s.wireValue)) {
                    return s;
                }
            }
        }
        return UNKNOWN;
    }
}
