package io.dcb4j.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request for a one-off charge.
 *
 * @param msisdn the subscriber, or null for providers that identify the payer otherwise (Eclipse customer
 *     id in {@code params}) or find the MSISDN themselves
 * @param amount the amount to charge: greater than zero (a charge of nothing or a negative charge is a
 *     mistake, not a refund)
 * @param offer the product, service key or keyword, or null
 * @param description what is bought, shown to the subscriber, or null
 * @param clientReference the merchant's reference, or null
 * @param returnUrl where a consent page sends the browser back, or null
 * @param idempotencyKey the key that makes retries safe, for providers that honour one; null to let dcb4j
 *     generate one per call
 * @param params further provider parameters; never null
 */
public record ChargeRequest(
        Msisdn msisdn,
        Money amount,
        OfferId offer,
        String description,
        String clientReference,
        String returnUrl,
        String idempotencyKey,
        Map<String, String> params) {

    /**
     * Validates and copies.
     *
     * @param msisdn optional
     * @param amount required, greater than zero
     * @param offer optional
     * @param description optional
     * @param clientReference optional
     * @param returnUrl optional
     * @param idempotencyKey optional
     * @param params optional, copied
     * @throws IllegalArgumentException naming {@code amount} when it is zero or negative
     */
    public ChargeRequest {
        Objects.requireNonNull(amount, "amount");
        io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount.amount());
        params = Copies.of(params);
    }

    /**
     * Starts a builder.
     *
     * @param amount the amount to charge, greater than zero (checked by {@link Builder#build()})
     * @return the builder
     */
    public static Builder builder(Money amount) {
        return new Builder(amount);
    }

    /** Builds a {@link ChargeRequest}. */
    public static final class Builder {
        private final Money amount;
        private Msisdn msisdn;
        private OfferId offer;
        private String description;
        private String clientReference;
        private String returnUrl;
        private String idempotencyKey;
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder(Money amount) {
            this.amount = amount;
        }

        /**
         * Sets the subscriber.
         *
         * @param msisdn the MSISDN
         * @return this builder
         */
        public Builder msisdn(Msisdn msisdn) {
            this.msisdn = msisdn;
            return this;
        }

        /**
         * Sets the product.
         *
         * @param offer the offer
         * @return this builder
         */
        public Builder offer(OfferId offer) {
            this.offer = offer;
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
         * Sets the merchant's reference.
         *
         * @param clientReference the reference
         * @return this builder
         */
        public Builder clientReference(String clientReference) {
            this.clientReference = clientReference;
            return this;
        }

        /**
         * Sets the return URL.
         *
         * @param returnUrl the URL
         * @return this builder
         */
        public Builder returnUrl(String returnUrl) {
            this.returnUrl = returnUrl;
            return this;
        }

        /**
         * Sets the idempotency key.
         *
         * @param idempotencyKey the key
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Adds a provider parameter.
         *
         * @param key the name
         * @param value the value
         * @return this builder
         */
        public Builder param(String key, String value) {
            params.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException naming {@code amount} when it is zero or negative
         */
        public ChargeRequest build() {
            return new ChargeRequest(msisdn, amount, offer, description, clientReference, returnUrl, idempotencyKey,
                    params);
        }
    }
}
