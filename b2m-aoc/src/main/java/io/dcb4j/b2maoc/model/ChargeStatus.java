package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to {@code chargeStatus}: where a consent-page charge stands.
 *
 * @param aocTransId the transaction asked about
 * @param status the {@code transactionOperationStatus}, read in any casing
 * @param rawStatus the {@code transactionOperationStatus} as received, or null
 * @param totalAmountCharged the {@code totalAmountCharged}, exact, or null when absent
 * @param currency the currency the amounts are in (from the client's configuration: the gateway does not say)
 * @param msisdn the {@code msisdn} (with or without {@code +} on the wire), or null when absent or unreadable
 * @param chargeMode the {@code chargeMode} (for example {@code standard}), or null
 * @param clientCorrelator the {@code clientCorrelator}, or null
 * @param errorCode the {@code errorCode}: {@code 00} on success, an {@code AOC...} code otherwise, or null
 * @param errorMessage the {@code errorMessage}, or null when empty
 * @param message the envelope's {@code message}, or null
 */
public record ChargeStatus(
        AocTransactionId aocTransId,
        TransactionOperationStatus status,
        String rawStatus,
        BigDecimal totalAmountCharged,
        Currency currency,
        Msisdn msisdn,
        String chargeMode,
        String clientCorrelator,
        String errorCode,
        String errorMessage,
        String message) {

    /**
     * Validates.
     *
     * @param aocTransId required
     * @param status required
     * @param rawStatus optional
     * @param totalAmountCharged optional
     * @param currency required
     * @param msisdn optional
     * @param chargeMode optional
     * @param clientCorrelator optional
     * @param errorCode optional
     * @param errorMessage optional
     * @param message optional
     */
    public ChargeStatus {
        Objects.requireNonNull(aocTransId, "aocTransId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
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
     * The error code, when it is a known AOC code.
     *
     * @return the code
     */
    public Optional<AocErrorCode> knownErrorCode() {
        return AocErrorCode.of(errorCode);
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
