package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionState;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer to {@code subscriptionStatus}.
 *
 * @param spTransId the {@code spTransID} asked about
 * @param subscriptionId the gateway's {@code subscriptionID} (for example {@code s00001}), or null
 * @param subscriptionName the {@code subscriptionName}, or null
 * @param rawStatus the {@code status} as received (for example {@code unsubscribed}), or null
 * @param state the neutral state of {@code rawStatus} (see {@link #stateOf(String)})
 * @param msisdn the {@code msisdn}, or null when absent or unreadable
 * @param expiryDate the {@code expiryDate} ({@code dd-MM-yyyy} on the wire), or null when absent or unreadable
 * @param rawExpiryDate the {@code expiryDate} as received, or null
 * @param errorCode the {@code errorCode} ({@code 00} on success), or null
 * @param errorMessage the {@code errorMessage}, or null when empty
 * @param message the envelope's {@code message}, or null
 */
public record SubscriptionStatus(
        SpTransactionId spTransId,
        String subscriptionId,
        String subscriptionName,
        String rawStatus,
        SubscriptionState state,
        Msisdn msisdn,
        LocalDate expiryDate,
        String rawExpiryDate,
        String errorCode,
        String errorMessage,
        String message) {

    /**
     * Validates.
     *
     * @param spTransId required
     * @param subscriptionId optional
     * @param subscriptionName optional
     * @param rawStatus optional
     * @param state required
     * @param msisdn optional
     * @param expiryDate optional
     * @param rawExpiryDate optional
     * @param errorCode optional
     * @param errorMessage optional
     * @param message optional
     */
    public SubscriptionStatus {
        Objects.requireNonNull(spTransId, "spTransId");
        Objects.requireNonNull(state, "state");
    }

    /**
     * The neutral state of a subscription {@code status} text, in any casing: {@code subscribed},
     * {@code active}, {@code renewed}, {@code charged} are ACTIVE; {@code unsubscribed}, {@code cancelled},
     * {@code canceled}, {@code deactivated}, {@code inactive} are CANCELLED; {@code expired} is EXPIRED;
     * {@code suspended}, {@code grace}, {@code parking} are SUSPENDED; {@code pending...} is PENDING; anything
     * else UNKNOWN.
     *
     * @param rawStatus the text, or null
     * @return the state; never null
     */
    public static SubscriptionState stateOf(String rawStatus) {
        if (rawStatus == null || rawStatus.isBlank()) {
            return SubscriptionState.UNKNOWN;
        }
        String s = rawStatus.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
        if (s.startsWith("pending")) {
            return SubscriptionState.PENDING;
        }
        return switch (s) {
            case "subscribed", "active", "renewed", "charged" -> SubscriptionState.ACTIVE;
            case "unsubscribed", "cancelled", "canceled", "deactivated", "inactive" -> SubscriptionState.CANCELLED;
            case "expired" -> SubscriptionState.EXPIRED;
            case "suspended", "grace", "parking" -> SubscriptionState.SUSPENDED;
            default -> SubscriptionState.UNKNOWN;
        };
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
