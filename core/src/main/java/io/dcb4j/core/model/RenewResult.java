package io.dcb4j.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a merchant-initiated renewal.
 *
 * @param previous the reference the renewal was asked for
 * @param current the reference to use from now on; B2M issues a new id and the old one stops working
 * @param outcome renewed now, or already renewed for this period
 * @param chargeState the neutral state of the renewal charge
 * @param charged the amount billed, or null
 * @param rawState the provider's own status text, or null
 * @param details provider fields kept for diagnostics; never null
 */
public record RenewResult(
        SubscriptionRef previous,
        SubscriptionRef current,
        Outcome outcome,
        ChargeState chargeState,
        Money charged,
        String rawState,
        Map<String, String> details) {

    /** Whether the call renewed. */
    public enum Outcome {
        /** Renewed and billed by this call. */
        RENEWED,
        /** Nothing done: the subscription was already renewed for the current period. */
        ALREADY_RENEWED
    }

    /**
     * Validates and copies.
     *
     * @param previous required
     * @param current required
     * @param outcome required
     * @param chargeState required
     * @param charged optional
     * @param rawState optional
     * @param details optional, copied
     */
    public RenewResult {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(chargeState, "chargeState");
        details = Copies.of(details);
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
