package io.dcb4j.camara.model;

import java.util.Locale;
import java.util.Optional;

/** A refund's {@code refundStatus}. */
public enum RefundStatus {
    /** {@code processing}: accepted, the outcome comes later. */
    PROCESSING("processing"),
    /** {@code succeeded}: refunded. */
    SUCCEEDED("succeeded"),
    /** {@code denied}: refused. */
    DENIED("denied"),
    /** A value this version does not know; the raw value is kept beside it. */
    UNKNOWN(null);

    private final String wireValue;

    RefundStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value on the wire.
     *
     * @return for example {@code succeeded}; empty for UNKNOWN
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
    public static RefundStatus of(String raw) {
        if (raw != null) {
            String v = raw.strip().toLowerCase(Locale.ROOT);
            for (RefundStatus s : values()) {
                if (v.equals(s.wireValue)) {
                    return s;
                }
            }
        }
        return UNKNOWN;
    }
}
