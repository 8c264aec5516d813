package io.dcb4j.eklectic.notification;

import io.dcb4j.core.notification.BillingEvent;
import java.util.Locale;

/** The {@code action} of an Eklectic callback. */
public enum EklecticAction {
    /** {@code SUB}: a subscription started. */
    SUB(BillingEvent.Type.SUBSCRIBED),
    /** {@code UNSUB}: a subscription ended. */
    UNSUB(BillingEvent.Type.UNSUBSCRIBED),
    /** {@code RENEW}: a subscription was billed for a new period; carries the amount. */
    RENEW(BillingEvent.Type.RENEWED),
    /** {@code CHARGE}: a one-off (oneshot) charge succeeded. */
    CHARGE(BillingEvent.Type.CHARGED),
    /** An action this version does not know; the raw value is kept beside it. */
    UNKNOWN(BillingEvent.Type.UNKNOWN);

    private final BillingEvent.Type eventType;

    EklecticAction(BillingEvent.Type eventType) {
        this.eventType = eventType;
    }

    /**
     * The neutral event type.
     *
     * @return SUBSCRIBED, UNSUBSCRIBED, RENEWED, CHARGED or UNKNOWN
     */
    public BillingEvent.Type eventType() {
        return eventType;
    }

    /**
     * Reads an action, case-insensitively.
     *
     * @param raw the {@code action} value, or null
     * @return the action; UNKNOWN when not one of the four
     */
    public static EklecticAction of(String raw) {
        if (raw == null) {
            return UNKNOWN;
        }
        return switch (raw.strip().toUpperCase(Locale.ROOT)) {
            case "SUB" -> SUB;
            case "UNSUB" -> UNSUB;
            case "RENEW" -> RENEW;
            case "CHARGE" -> CHARGE;
            default -> UNKNOWN;
        };
    }
}
