package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RenewResult;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code renewSubscription}. A renewal makes the gateway issue a NEW {@code spTransID}; the old
 * one stops working for later status, cancel and renew calls: store {@link #currentSpTransId()}.
 *
 * @param previousSpTransId the {@code spTransID} the renewal was asked for
 * @param newSpTransId the {@code spTransID} the gateway answered, or null when the answer carried none (the
 *     document's own "renewed" example has none)
 * @param outcome {@code RENEWED} (charged now) or {@code ALREADY_RENEWED} (the gateway's "Subscription already
 *     renewed" answer: nothing was charged by this call)
 * @param aocTransId the renewal charge's {@code aocTransID}, or null
 * @param status the renewal charge's {@code transactionOperationStatus}; {@link TransactionOperationStatus#UNKNOWN}
 *     when absent (always for {@code ALREADY_RENEWED})
 * @param rawStatus the {@code transactionOperationStatus} as received, or null
 * @param chargeMode the {@code chargeMode}, or null
 * @param totalAmountCharged the {@code totalAmountCharged}, exact, or null
 * @param currency the currency the amounts are in (from the client's configuration)
 * @param subscriptionId the {@code subscriptionID} the "already renewed" answer carries, or null
 * @param msisdn the subscriber
 * @param message the envelope's {@code message}, or null
 * @param errorCode the {@code errorCode}, or null
 * @param errorMessage the {@code errorMessage}, or null when empty
 */
public record RenewalResult(
        SpTransactionId previousSpTransId,
        SpTransactionId newSpTransId,
        RenewResult.Outcome outcome,
        AocTransactionId aocTransId,
        TransactionOperationStatus status,
        String rawStatus,
        String chargeMode,
        BigDecimal totalAmountCharged,
        Currency currency,
        String subscriptionId,
        Msisdn msisdn,
        String message,
        String errorCode,
        String errorMessage) {

    /**
     * Validates.
     *
     * @param previousSpTransId required
     * @param newSpTransId optional
     * @param outcome required
     * @param aocTransId optional
     * @param status required
     * @param rawStatus optional
     * @param chargeMode optional
     * @param totalAmountCharged optional
     * @param currency required
     * @param subscriptionId optional
     * @param msisdn required
     * @param message optional
     * @param errorCode optional
     * @param errorMessage optional
     */
    public RenewalResult {
        Objects.requireNonNull(previousSpTransId, "previousSpTransId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(msisdn, "msisdn");
    }

    /**
     * The {@code spTransID} to use from now on.
     *
     * @return the new id when the gateway sent one, else the previous one
     */
    public SpTransactionId currentSpTransId() {
        return newSpTransId != null ? newSpTransId : previousSpTransId;
    }

    /**
     * Whether the gateway answered a different {@code spTransID} than the one asked for.
     *
     * @return true when the id rotated
     */
    public boolean spTransIdChanged() {
        return newSpTransId != null && !newSpTransId.equals(previousSpTransId);
    }

    /**
     * The amount charged as money.
     *
     * @return {@code totalAmountCharged} in {@code currency}, when present
     */
    public Optional<Money> totalCharged() {
        return totalAmountCharged == null ? Optional.empty() : Optional.of(Money.of(totalAmountCharged, currency));
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
