package io.dcb4j.eclipsevas.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The body of {@code POST .../tenants/{tenantId}/customers/{customerId}/payments} for a VAS purchase (type
 * {@value #TYPE}). Build it with {@link #builder(PaymentData)}. When no {@code externalUniqueId} is given one
 * is generated here, once, so that every retry of the same request carries the same id; read it back with
 * {@link #externalUniqueId()} to reconcile.
 *
 * @param paymentData the partner and product, sent as {@code <partnerId>_<productId>}
 * @param additionalFields the product's inputs ({@code msisdn}, {@code accountNumber}, ...); never null
 * @param landingUrl where the buyer's browser goes after the payment, or null
 * @param callbackUrl where Eclipse posts the payment result, or null
 * @param externalUniqueId the merchant's unique id of this payment; generated when not given
 * @param currency the currency, or null to let the tenant decide
 * @param walletId the wallet paid from, or null
 * @param amount the amount, greater than zero, or null when the product has a fixed price or the amount is set
 *     on completion
 * @param description the description, or null
 * @param phone the buyer's phone number, or null
 * @param customFraudChecks whether the tenant's custom fraud checks run, or null for the tenant default
 */
public record PaymentRequest(
        PaymentData paymentData,
        List<AdditionalField> additionalFields,
        String landingUrl,
        String callbackUrl,
        String externalUniqueId,
        Currency currency,
        Long walletId,
        BigDecimal amount,
        String description,
        String phone,
        Boolean customFraudChecks) {

    /** The payment type sent for every VAS payment. */
    public static final String TYPE = "GLOBAL_VAS";

    /**
     * Validates, copies, and generates the external id when absent.
     *
     * @param paymentData required
     * @param additionalFields optional, copied
     * @param landingUrl optional
     * @param callbackUrl optional
     * @param externalUniqueId optional; a random UUID when null or blank
     * @param currency optional
     * @param walletId optional
     * @param amount optional, greater than zero
     * @param description optional
     * @param phone optional
     * @param customFraudChecks optional
     */
    public PaymentRequest {
        Objects.requireNonNull(paymentData, "paymentData");
        additionalFields = additionalFields == null ? List.of() : List.copyOf(additionalFields);
        if (externalUniqueId == null || externalUniqueId.isBlank()) {
            externalUniqueId = UUID.randomUUID().toString();
        }
        io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount);
    }

    /**
     * Starts a builder.
     *
     * @param paymentData the partner and product, for example {@code PaymentData.of(5, "VD50")}
     * @return the builder
     */
    public static Builder builder(PaymentData paymentData) {
        return new Builder(paymentData);
    }

    /**
     * The payment type.
     *
     * @return {@value #TYPE}
     */
    public String type() {
        return TYPE;
    }

    /** Without the phone number; additional fields with long digit runs masked. */
    @Override
    public String toString() {
        return "PaymentRequest[paymentData=" + paymentData + ", externalUniqueId=" + externalUniqueId + ", amount="
                + (amount == null ? null : amount.toPlainString()) + ", currency=" + currency + ", walletId="
                + walletId + ", additionalFields=" + additionalFields + ", phone=" + (phone == null ? null : "***")
                + "]";
    }

    /** Builds a {@link PaymentRequest}. */
    public static final class Builder {
        private final PaymentData paymentData;
        private final List<AdditionalField> additionalFields = new ArrayList<>();
        private String landingUrl;
        private String callbackUrl;
        private String externalUniqueId;
        private Currency currency;
        private Long walletId;
        private BigDecimal amount;
        private String description;
        private String phone;
        private Boolean customFraudChecks;

        private Builder(PaymentData paymentData) {
            this.paymentData = Objects.requireNonNull(paymentData, "paymentData");
        }

        /**
         * Adds an additional field.
         *
         * @param id the field id, for example {@code msisdn}
         * @param value the value
         * @return this builder
         */
        public Builder additionalField(String id, String value) {
            additionalFields.add(AdditionalField.of(id, value));
            return this;
        }

        /**
         * Adds additional fields.
         *
         * @param fields the fields
         * @return this builder
         */
        public Builder additionalFields(List<AdditionalField> fields) {
            additionalFields.addAll(fields);
            return this;
        }

        /**
         * Sets the landing URL.
         *
         * @param landingUrl the URL
         * @return this builder
         */
        public Builder landingUrl(String landingUrl) {
            this.landingUrl = landingUrl;
            return this;
        }

        /**
         * Sets the callback URL that receives the payment result.
         *
         * @param callbackUrl the URL
         * @return this builder
         */
        public Builder callbackUrl(String callbackUrl) {
            this.callbackUrl = callbackUrl;
            return this;
        }

        /**
         * Sets the merchant's unique id; generated when not set.
         *
         * @param externalUniqueId the id
         * @return this builder
         */
        public Builder externalUniqueId(String externalUniqueId) {
            this.externalUniqueId = externalUniqueId;
            return this;
        }

        /**
         * Sets the currency.
         *
         * @param currency the currency
         * @return this builder
         */
        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        /**
         * Sets the currency by ISO 4217 code.
         *
         * @param code for example {@code ZAR}
         * @return this builder
         */
        public Builder currency(String code) {
            this.currency = Money.currency(code);
            return this;
        }

        /**
         * Sets the wallet paid from.
         *
         * @param walletId the wallet id
         * @return this builder
         */
        public Builder walletId(long walletId) {
            this.walletId = walletId;
            return this;
        }

        /**
         * Sets the amount.
         *
         * @param amount the amount
         * @return this builder
         */
        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        /**
         * Sets amount and currency.
         *
         * @param money the amount
         * @return this builder
         */
        public Builder amount(Money money) {
            this.amount = money.amount();
            this.currency = money.currency();
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description the text
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the buyer's phone number.
         *
         * @param phone the number as Eclipse expects it
         * @return this builder
         */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /**
         * Sets whether the tenant's custom fraud checks run.
         *
         * @param customFraudChecks the flag
         * @return this builder
         */
        public Builder customFraudChecks(boolean customFraudChecks) {
            this.customFraudChecks = customFraudChecks;
            return this;
        }

        /**
         * Builds the request, generating the external id when none was set.
         *
         * @return the request
         */
        public PaymentRequest build() {
            return new PaymentRequest(paymentData, additionalFields, landingUrl, callbackUrl, externalUniqueId,
                    currency, walletId, amount, description, phone, customFraudChecks);
        }
    }
}
