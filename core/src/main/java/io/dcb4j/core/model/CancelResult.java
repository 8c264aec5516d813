package io.dcb4j.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a cancel (unsubscribe, release).
 *
 * @param subscription the cancelled subscription
 * @param state the neutral state after the call, normally CANCELLED
 * @param rawState the provider's own answer text, or null
 * @param details provider fields kept for diagnostics; never null
 */
public record CancelResult(
        SubscriptionRef subscription,
        SubscriptionState state,
        String rawState,
        Map<String, String> details) {

    /**
     * Validates and copies.
     *
     * @param subscription required
     * @param state required
     * @param rawState optional
     * @param details optional, copied
     */
    public CancelResult {
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
