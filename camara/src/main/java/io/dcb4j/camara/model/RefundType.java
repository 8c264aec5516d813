package io.dcb4j.camara.model;

import java.util.Locale;

/** A refund's {@code type}. */
public enum RefundType {
    /** {@code total}: the whole payment (what remains of it); no more refunds are possible afterwards. */
    TOTAL,
    /** {@code partial}: the amount given; more refunds may follow. */
    PARTIAL;

    /**
     * The value on the wire.
     *
     * @return {@code total} or {@code partial}
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a type, case-insensitively.
     *
     * @param raw the wire value, or null
     * @return the type; PARTIAL for {@code partial}, TOTAL for anything else that is {@code total}
     * @throws IllegalArgumentException when it is neither
     */
    public static RefundType of(String raw) {
        if (raw != null) {
            String v = raw.strip().toLowerCase(Locale.ROOT);
            if (v.equals("total")) {
                return TOTAL;
            }
            if (v.equals("partial")) {
                return PARTIAL;
            }
        }
        throw new IllegalArgumentException("refund type is neither total nor partial");
    }
}
