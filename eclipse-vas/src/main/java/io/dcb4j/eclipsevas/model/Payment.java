package io.dcb4j.eclipsevas.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An Eclipse payment, as answered by initiation, by {@code GET .../payments/{paymentId}} and in the
 * payment-result callback.
 *
 * @param paymentId the payment id (64-bit)
 * @param externalUniqueId the merchant's unique id, or null
 * @param status the status
 * @param rawStatus the status text as received, or null
 * @param amount the amount ({@code 29182.000000000} kept exactly), or null
 * @param fee the fee ({@code 0E-9} is zero), or null
 * @param currency the ISO 4217 code, or null
 * @param description the description, or null
 * @param additionalFields the additional fields echoed back; never null
 * @param acceptedCardSchemes accepted card schemes; never null
 * @param acceptedPaymentMechanisms accepted payment mechanisms; never null
 * @param phone the buyer's phone number, or null
 * @param cardPhone the card holder's phone number, or null
 * @param paymentType the payment type, for example {@code EFT}, or null
 * @param errorDescription the error text, or null
 * @param created when the payment was created, or null
 * @param extraInfo the embedded JSON {@code extraInfo}; never null
 * @param paymentInstrumentInfo the payment instrument's fields as text; never null
 * @param paymentReference the partner's reference (an account, PRN, TIN or phone number), or null
 * @param walletId the wallet, or null
 * @param customerId the customer, or null
 * @param gatewayTransactionId the gateway's transaction id, or null
 * @param paymentTerminalData the terminal's fields as text; never null
 */
public record Payment(
        long paymentId,
        String externalUniqueId,
        PaymentStatus status,
        String rawStatus,
        BigDecimal amount,
        BigDecimal fee,
        String currency,
        String description,
        List<AdditionalField> additionalFields,
        List<String> acceptedCardSchemes,
        List<String> acceptedPaymentMechanisms,
        String phone,
        String cardPhone,
        String paymentType,
        String errorDescription,
        Instant created,
        ExtraInfo extraInfo,
        Map<String, String> paymentInstrumentInfo,
        String paymentReference,
        Long walletId,
        Long customerId,
        String gatewayTransactionId,
        Map<String, String> paymentTerminalData) {

    /**
     * Validates and copies.
     *
     * @param paymentId the id
     * @param externalUniqueId optional
     * @param status required
     * @param rawStatus optional
     * @param amount optional
     * @param fee optional
     * @param currency optional
     * @param description optional
     * @param additionalFields optional, copied
     * @param acceptedCardSchemes optional, copied
     * @param acceptedPaymentMechanisms optional, copied
     * @param phone optional
     * @param cardPhone optional
     * @param paymentType optional
     * @param errorDescription optional
     * @param created optional
     * @param extraInfo null means empty
     * @param paymentInstrumentInfo optional, copied
     * @param paymentReference optional
     * @param walletId optional
     * @param customerId optional
     * @param gatewayTransactionId optional
     * @param paymentTerminalData optional, copied
     */
    public Payment {
        Objects.requireNonNull(status, "status");
        additionalFields = additionalFields == null ? List.of() : List.copyOf(additionalFields);
        acceptedCardSchemes = acceptedCardSchemes == null ? List.of() : List.copyOf(acceptedCardSchemes);
        acceptedPaymentMechanisms = acceptedPaymentMechanisms == null ? List.of()
                : List.copyOf(acceptedPaymentMechanisms);
        extraInfo = extraInfo == null ? ExtraInfo.empty() : extraInfo;
        paymentInstrumentInfo = paymentInstrumentInfo == null ? Map.of() : Map.copyOf(paymentInstrumentInfo);
        paymentTerminalData = paymentTerminalData == null ? Map.of() : Map.copyOf(paymentTerminalData);
    }

    /**
     * The amount with its currency.
     *
     * @return the money, when both amount and a known currency code are present
     */
    public Optional<Money> money() {
        return money(amount);
    }

    /**
     * The fee with its currency.
     *
     * @return the money, when both fee and a known currency code are present
     */
    public Optional<Money> feeMoney() {
        return money(fee);
    }

    private Optional<Money> money(BigDecimal value) {
        if (value == null || currency == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(value, Money.currency(currency)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * An echoed additional field's value.
     *
     * @param id the field id, any case
     * @return the value
     */
    public Optional<String> additionalField(String id) {
        for (AdditionalField f : additionalFields) {
            if (f.id().equalsIgnoreCase(id) && f.value() != null) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** Ids, status and amounts; phone numbers, extra info and references with long digit runs masked. */
    @Override
    public String toString() {
        String text = "Payment[paymentId=" + paymentId + ", externalUniqueId=" + externalUniqueId + ", status=" + status
                + (rawStatus == null || status.name().equals(rawStatus) ? "" : " (" + rawStatus + ")") + ", amount="
                + (amount == null ? null : amount.toPlainString()) + ", currency=" + currency + ", paymentType="
                + paymentType + ", paymentReference=" + Masking.mask(paymentReference) + ", created=" + created
                + ", customerId=" + customerId + ", walletId=" + walletId + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
