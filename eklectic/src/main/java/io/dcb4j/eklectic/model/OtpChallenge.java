package io.dcb4j.eklectic.model;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import java.time.Instant;
import java.util.Objects;

/**
 * Eklectic's answer to {@code POST /subscription/otp}: a PIN was sent by SMS; confirm it with this
 * challenge's {@code code}.
 *
 * @param code the challenge code ({@code code}), to send back with the PIN
 * @param msisdn the subscriber the PIN was sent to
 * @param offer the offer being subscribed to
 * @param expiresAt when the PIN expires ({@code expire}, read in the client's zone), or null when not given
 * @param rawExpire {@code expire} as received, or null
 */
public record OtpChallenge(String code, Msisdn msisdn, OfferId offer, Instant expiresAt, String rawExpire) {

    /**
     * Validates.
     *
     * @param code required, not blank
     * @param msisdn required
     * @param offer required
     * @param expiresAt optional
     * @param rawExpire optional
     */
    public OtpChallenge {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("challenge code is required");
        }
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(offer, "offer");
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
