package io.dcb4j.camara.model;

import java.util.Locale;

/** The {@code action} of a prepared payment's {@code validationInfo}. */
public enum ValidationAction {
    /** {@code validate}: the subscriber received a code; send it with {@code validatePayment}. */
    VALIDATE,
    /** {@code open}: send the subscriber to {@code validationURL}. */
    OPEN,
    /** An action this version does not know; the raw value is kept beside it. */
    UNKNOWN;

    /**
     * Reads an action, case-insensitively.
     *
     * @param raw the wire value, or null
     * @return the action; UNKNOWN when not one of the specification's
     */
    public static ValidationAction of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "validate" -> VALIDATE;
            case "open" -> OPEN;
            default -> UNKNOWN;
        };
    }
}
