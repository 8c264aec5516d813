package io.dcb4j.infomedia.model;

/** Infomedia's webhook event types, the {@code etid} parameter. */
public enum WebhookType {
    /** {@code etid=1}: the subscriber subscribed. Carries {@code success}. */
    SUBSCRIBE(1),
    /** {@code etid=2}: the subscription ended. */
    UNSUBSCRIBE(2),
    /** {@code etid=3}: a cancelled subscription was reactivated inside its paid period. */
    REACTIVATION(3),
    /** {@code etid=5}: a charge, billed or failed per {@code transactionStatus}. Carries {@code success}. */
    CHARGE(5),
    /** {@code etid=24}: the subscription was suspended. */
    SUSPEND(24),
    /** {@code etid=25}: a suspended subscription is active again. */
    UNSUSPEND(25),
    /** {@code etid=31}: a charge was refunded. */
    REFUND(31),
    /** Any other {@code etid}; the raw value is kept beside it. */
    UNKNOWN(-1);

    private final int etid;

    WebhookType(int etid) {
        this.etid = etid;
    }

    /**
     * The {@code etid} value.
     *
     * @return the number; {@code -1} for {@link #UNKNOWN}
     */
    public int etid() {
        return etid;
    }

    /**
     * The type of an {@code etid}.
     *
     * @param etid the number
     * @return the type; {@link #UNKNOWN} for numbers Infomedia has not documented
     */
    public static WebhookType of(int etid) {
        for (WebhookType t : values()) {
            if (t.etid == etid && t != UNKNOWN) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
