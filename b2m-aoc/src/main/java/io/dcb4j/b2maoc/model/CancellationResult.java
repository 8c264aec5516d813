package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The answer to {@code cancelSubscription}, which only returns when the gateway confirmed the cancellation.
 *
 * @param spTransId the cancelled subscription's {@code spTransID}
 * @param msisdn the subscriber
 * @param message the envelope's {@code message} (for example {@code Subscription cancelled Successfully}), or
 *     null
 * @param errorCode the {@code errorCode} ({@code 00}), or null
 * @param errorMessage the {@code errorMessage}, or null when empty
 */
public record CancellationResult(
        SpTransactionId spTransId,
        Msisdn msisdn,
        String message,
        String errorCode,
        String errorMessage) {

    /**
     * Validates.
     *
     * @param spTransId required
     * @param msisdn required
     * @param message optional
     * @param errorCode optional
     * @param errorMessage optional
     */
    public CancellationResult {
        Objects.requireNonNull(spTransId, "spTransId");
        Objects.requireNonNull(msisdn, "msisdn");
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
