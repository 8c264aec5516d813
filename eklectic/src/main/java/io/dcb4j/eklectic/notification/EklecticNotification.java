package io.dcb4j.eklectic.notification;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import java.time.Instant;
import java.util.Objects;

/**
 * An Eklectic partner-URL callback with every parameter the provider is known to send.
 *
 * @param action the action
 * @param rawAction {@code action} as received
 * @param subscriptionId {@code subscriptionid}, or null (a {@code CHARGE} may have none)
 * @param transactionId {@code transaction}: the id of this event, stable across redeliveries
 * @param offer {@code offreid} (also {@code offre_id}, {@code offreId}), or null
 * @param amount {@code amount} (TTC) in the configured currency, or null when not sent
 * @param occurredAt {@code date}, read in the configured zone, or null when not sent
 * @param rawDate {@code date} as received (decoded), or null
 * @param canal {@code canal} ({@code online}/{@code offline}), or null
 * @param msisdn {@code msisdn}, or null
 * @param ise2 {@code ise2}, the Orange alias sent instead of the MSISDN, or null
 */
public record EklecticNotification(
        EklecticAction action,
        String rawAction,
        String subscriptionId,
        String transactionId,
        OfferId offer,
        Money amount,
        Instant occurredAt,
        String rawDate,
        String canal,
        Msisdn msisdn,
        String ise2) {

    /**
     * Validates.
     *
     * @param action required
     * @param rawAction required
     * @param subscriptionId optional
     * @param transactionId required
     * @param offer optional
     * @param amount optional
     * @param occurredAt optional
     * @param rawDate optional
     * @param canal optional
     * @param msisdn optional
     * @param ise2 optional
     */
    public EklecticNotification {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(rawAction, "rawAction");
        Objects.requireNonNull(transactionId, "transactionId");
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
