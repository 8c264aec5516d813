package io.dcb4j.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to subscribe an MSISDN to an offer through a PIN (OTP) flow.
 *
 * @param msisdn the subscriber
 * @param offer the offer or product
 * @param price the advertised price, for providers that ask for it (Infomedia {@code amount}), greater than
 *     zero, or null
 * @param frequency the billing period name, for providers that ask for it ({@code day}, {@code week}), or null
 * @param language the subscriber's language ({@code en}, {@code ar}), or null
 * @param description the service name shown to the subscriber, or null
 * @param clientReference the merchant's own reference, echoed back by providers that support it, or null
 * @param returnUrl where a provider's page sends the browser back, or null
 * @param params further provider parameters, passed through as given; never null
 */
public record SubscribeRequest(
        Msisdn msisdn,
        OfferId offer,
        Money price,
        String frequency,
        String language,
        String description,
        String clientReference,
        String returnUrl,
        Map<String, String> params) implements java.io.Serializable {

    /**
     * Validates and copies.
     *
     * @param msisdn required
     * @param offer required
     * @param price optional, greater than zero
     * @param frequency optional
     * @param language optional
     * @param description optional
     * @param clientReference optional
     * @param returnUrl optional
     * @param params optional, copied
     * @throws IllegalArgumentException naming {@code price} when it is zero or negative
     */
    public SubscribeRequest {
        Objects.requireNonNull(msisdn, "msisdn");
        Objects.requireNonNull(offer, "offer");
        if (price != null) {
            io.dcb4j.core.spi.support.Decimals.requirePositive("price", price.amount());
        }
        params = Copies.of(params);
    }

    /**
     * The smallest request: who and what.
     *
     * @param msisdn the subscriber
     * @param offer the offer
     * @return the request
     */
    public static SubscribeRequest of(Msisdn msisdn, OfferId offer) {
        return builder(msisdn, offer).build();
    }

    /**
     * Starts a builder.
     *
     * @param msisdn the subscriber
     * @param offer the offer
     * @return the builder
     */
    public static Builder builder(Msisdn msisdn, OfferId offer) {
        return new Builder(msisdn, offer);
    }

    /** Builds a {@link SubscribeRequest}. */
    public static final class Builder {
        private final Msisdn msisdn;
        private final OfferId offer;
        private Money price;
        private String frequency;
        private String language;
        private String description;
        private String clientReference;
        private String returnUrl;
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder(Msisdn msisdn, OfferId offer) {
            this.msisdn = msisdn;
            this.offer = offer;
        }

        /**
         * Sets the advertised price.
         *
         * @param price the price
         * @return this builder
         */
        public Builder price(Money price) {
            this.price = price;
            return this;
        }

        /**
         * Sets the billing period name.
         *
         * @param frequency for example {@code day}
         * @return this builder
         */
        public Builder frequency(String frequency) {
            this.frequency = frequency;
            return this;
        }

        /**
         * Sets the language.
         *
         * @param language for example {@code en}
         * @return this builder
         */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /**
         * Sets the service description.
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
         * @throws IllegalArgumentException naming {@code price} when it is zero or negative
         */
        public SubscribeRequest build() {
            return new SubscribeRequest(msisdn, offer, price, frequency, language, description, clientReference,
                    returnUrl, params);
        }
    }
}
