package io.dcb4j.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a PIN request: what the subscriber must do next and what the provider needs to confirm.
 * Pass it back unchanged to {@code PinSubscriptions.confirmPin}.
 *
 * <p>Between the two steps the challenge usually waits in the subscriber's web session, often a shared one
 * (Spring Session on Redis or JDBC): it is {@link java.io.Serializable}, and so is everything it holds
 * ({@link SubscribeRequest}, {@link Msisdn}, {@link Money}, {@link NextAction}). Reading it back validates
 * the MSISDN and the amount again. The serialized form holds the full MSISDN, as the session does anyway:
 * keep the session store private.
 *
 * @param provider the provider id
 * @param challengeId the provider's id of this challenge (Eklectic {@code code}, Centili transaction id), or
 *     null when the provider has none
 * @param request the original request
 * @param expiresAt when the PIN stops being valid, or null when not said
 * @param nextAction {@link NextAction.EnterPin} normally; another action when the provider asks for one
 * @param details provider fields kept for diagnostics; never null
 */
public record PinChallenge(
        String provider,
        String challengeId,
        SubscribeRequest request,
        Instant expiresAt,
        NextAction nextAction,
        Map<String, String> details) implements java.io.Serializable {

    /**
     * Validates and copies.
     *
     * @param provider required
     * @param challengeId optional
     * @param request required
     * @param expiresAt optional
     * @param nextAction required
     * @param details optional, copied
     */
    public PinChallenge {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(nextAction, "nextAction");
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
