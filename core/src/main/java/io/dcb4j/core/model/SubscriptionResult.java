package io.dcb4j.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a confirmed PIN: the subscription and its state.
 *
 * @param subscription the reference to use for status and cancel
 * @param state the neutral state
 * @param rawState the provider's own status text, kept as received, or null
 * @param charged the amount billed at once, or null when nothing was (free period)
 * @param reactivated whether the provider reactivated an earlier subscription rather than creating one
 * @param details provider fields kept for diagnostics; never null
 */
public record SubscriptionResult(
        SubscriptionRef subscription,
        SubscriptionState state,
        String rawState,
        Money charged,
        boolean reactivated,
        Map<String, String> details) {

    /**
     * Validates and copies.
     *
     * @param subscription required
     * @param state required
     * @param rawState optional
     * @param charged optional
     * @param reactivated flag
     * @param details optional, copied
     */
    public SubscriptionResult {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(state, "state");
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
