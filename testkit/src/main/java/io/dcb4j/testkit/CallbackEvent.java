package io.dcb4j.testkit;

/**
 * A kind of callback a provider sends to the merchant, for {@link CallbackWriter} (and {@code dcb trigger}).
 * Which ones a provider sends is {@link CallbackWriter#events()}.
 */
public enum CallbackEvent {
    /** A subscription started. */
    SUBSCRIBED,
    /** A subscription ended. */
    UNSUBSCRIBED,
    /** A subscription was billed for a new period. */
    RENEWED,
    /** A charge succeeded. */
    CHARGE_SUCCEEDED,
    /** A charge failed (for lack of funds). */
    CHARGE_FAILED
}
