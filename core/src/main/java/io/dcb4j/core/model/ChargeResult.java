package io.dcb4j.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The state of a charge, as answered by a charge request or a status query.
 *
 * @param charge the reference to query later
 * @param state the neutral state
 * @param rawState the provider's own status text, kept as received, or null
 * @param amount the amount charged or to be charged, or null when the provider did not say
 * @param nextAction what the subscriber must do, {@link NextAction#none()} when nothing
 * @param failureReason why it failed when {@code state} is DENIED, or null
 * @param details provider fields kept for diagnostics; never null
 * @param subscription the subscription this charge started or renewed, when the provider ties charges to
 *     subscriptions (B2M {@code spTransID}); null otherwise
 */
public record ChargeResult(
        ChargeRef charge,
        ChargeState state,
        String rawState,
        Money amount,
        NextAction nextAction,
        FailureReason failureReason,
        Map<String, String> details,
        SubscriptionRef subscription) {

    /**
     * Validates and copies.
     *
     * @param charge required
     * @param state required
     * @param rawState optional
     * @param amount optional
     * @param nextAction null means none
     * @param failureReason optional
     * @param details optional, copied
     * @param subscription optional
     */
    public ChargeResult {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(state, "state");
        nextAction = nextAction == null ? NextAction.none() : nextAction;
        details = Copies.of(details);
    }

    /**
     * A result not tied to a subscription.
     *
     * @param charge required
     * @param state required
     * @param rawState optional
     * @param amount optional
     * @param nextAction null means none
     * @param failureReason optional
     * @param details optional, copied
     */
    public ChargeResult(ChargeRef charge, ChargeState state, String rawState, Money amount, NextAction nextAction,
            FailureReason failureReason, Map<String, String> details) {
        this(charge, state, rawState, amount, nextAction, failureReason, details, null);
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
