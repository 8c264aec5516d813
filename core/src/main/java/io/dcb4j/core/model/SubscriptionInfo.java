package io.dcb4j.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider says about one subscription.
 *
 * @param subscription the reference, with the id filled in when the provider looked it up
 * @param state the neutral state
 * @param rawState the provider's own status text, kept as received, or null
 * @param subscribedAt when it started, or null
 * @param expiresAt when the paid or free period ends, or null
 * @param details provider fields kept for diagnostics; never null
 */
public record SubscriptionInfo(
        SubscriptionRef subscription,
        SubscriptionState state,
        String rawState,
        Instant subscribedAt,
        Instant expiresAt,
        Map<String, String> details) {

    /**
     * Validates and copies.
     *
     * @param subscription required
     * @param state required
     * @param rawState optional
     * @param subscribedAt optional
     * @param expiresAt optional
     * @param details optional, copied
     */
    public SubscriptionInfo {
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
