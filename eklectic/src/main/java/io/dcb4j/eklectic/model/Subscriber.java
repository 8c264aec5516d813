package io.dcb4j.eklectic.model;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionState;
import java.time.Instant;
import java.util.Objects;

/**
 * Eklectic's subscriber record (the {@code user} object of the confirm and details answers), with every
 * documented field. Dates are read in the client's zone (Tunisia local time by default); {@code 0000-00-00
 * 00:00:00} and {@code null} are absent (null). Numbers sent as strings are read as numbers.
 *
 * @param id the subscription id ({@code id}), used for status and unsubscription
 * @param msisdn the subscriber ({@code msisdn}), or null when the value is not a phone number
 * @param freePeriodStart {@code date_debfree}, or null
 * @param freePeriodEnd {@code date_finfree}, or null
 * @param subscribedAt {@code subscription_date}, or null
 * @param unsubscribedAt {@code unsubscription_date}, or null
 * @param firstBillingAttempt {@code first_broadcastbilling}, or null
 * @param lastBillingAttempt {@code last_broadcastbilling}, or null
 * @param firstSuccessfulBilling {@code first_successbilling}, or null
 * @param lastSuccessfulBilling {@code last_successbilling}, or null
 * @param successfulBillings {@code success_billing}: how many times the subscriber was billed, or null
 * @param simChurn {@code simchurn}: the provider's SIM-churn flag ({@code 0} none), or null
 * @param simChurnAt {@code date_simchurn}, or null
 * @param simChurnRevertedAt {@code date_revsimchurn}, or null
 * @param createdAt {@code create_at}, or null
 * @param lastStatusUpdate {@code last_status_update}, or null
 * @param serviceId {@code service_id}, or null
 * @param offer the offer ({@code offre_id}, {@code offreid} or {@code offreId}), or null
 * @param status {@code status}, the provider's numeric status, or null
 * @param state the neutral state derived from {@code state}
 * @param rawState {@code state} as received ({@code ACTIVE}, {@code SUSPENDED}, ...), or null
 * @param expiresAt {@code expire_date}: the end of the current period, or null
 */
public record Subscriber(
        String id,
        Msisdn msisdn,
        Instant freePeriodStart,
        Instant freePeriodEnd,
        Instant subscribedAt,
        Instant unsubscribedAt,
        Instant firstBillingAttempt,
        Instant lastBillingAttempt,
        Instant firstSuccessfulBilling,
        Instant lastSuccessfulBilling,
        Integer successfulBillings,
        Integer simChurn,
        Instant simChurnAt,
        Instant simChurnRevertedAt,
        Instant createdAt,
        Instant lastStatusUpdate,
        String serviceId,
        OfferId offer,
        Integer status,
        SubscriptionState state,
        String rawState,
        Instant expiresAt) {

    /**
     * Validates.
     *
     * @param id required, not blank
     * @param msisdn optional
     * @param freePeriodStart optional
     * @param freePeriodEnd optional
     * @param subscribedAt optional
     * @param unsubscribedAt optional
     * @param firstBillingAttempt optional
     * @param lastBillingAttempt optional
     * @param firstSuccessfulBilling optional
     * @param lastSuccessfulBilling optional
     * @param successfulBillings optional
     * @param simChurn optional
     * @param simChurnAt optional
     * @param simChurnRevertedAt optional
     * @param createdAt optional
     * @param lastStatusUpdate optional
     * @param serviceId optional
     * @param offer optional
     * @param status optional
     * @param state required
     * @param rawState optional
     * @param expiresAt optional
     */
    public Subscriber {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("subscription id is required");
        }
        Objects.requireNonNull(state, "state");
    }

    /**
     * The SIM-churn flag as a boolean.
     *
     * @return true when {@code simchurn} is set and not 0
     */
    public boolean isSimChurned() {
        return simChurn != null && simChurn != 0;
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
