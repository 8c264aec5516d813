package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The body shared by {@code PINGenerateWithParams} and {@code SubscriptionJoinWithParams}: who subscribes
 * to which product, on which network, with the typed {@code params} Infomedia asks for and any further
 * ones. The credentials ({@code u}, {@code p}) and, for the join, the PIN are added by the client.
 *
 * <p>On the wire: {@code {"mx", "mcc", "mnc", "productId", "u", "p", "params": [{"key", "value"}]}} with the
 * params in this order: {@code amount}, {@code frequency}, {@code language}, {@code description}, then the
 * extra params in the order they were added. A typed param left null is not sent.
 *
 * @param msisdn the subscriber ({@code mx}, sent as digits without {@code +})
 * @param productId Infomedia's product id ({@code productId}, a number)
 * @param mcc the mobile country code, or null for the client's default ({@code 424}, UAE)
 * @param mnc the mobile network code, or null for the client's default ({@code 02}, Etisalat)
 * @param amount the price shown to the subscriber ({@code amount} param, sent as plain decimal text such as
 *     {@code 0.10}), greater than zero, or null
 * @param frequency the billing period ({@code frequency} param: {@code day}, {@code week}, {@code month}), or
 *     null
 * @param language the language of the SMS and pages ({@code language} param: {@code en}, {@code ar}), or null
 * @param description the service name shown to the subscriber ({@code description} param), or null
 * @param extraParams further {@code params} entries, in order; never null
 */
public record SubscriptionRequest(
        Msisdn msisdn,
        long productId,
        String mcc,
        String mnc,
        BigDecimal amount,
        String frequency,
        String language,
        String description,
        Map<String, String> extraParams) {

    /** The names of the typed params, which extra params must not repeat when the typed one is set. */
    public static final Set<String> TYPED_PARAMS = Set.of("amount", "frequency", "language", "description");

    /**
     * Validates and copies.
     *
     * @param msisdn required
     * @param productId positive
     * @param mcc optional, digits
     * @param mnc optional, digits
     * @param amount optional, greater than zero
     * @param frequency optional
     * @param language optional
     * @param description optional
     * @param extraParams optional, copied; a key may repeat a typed param only when that one is null
     * @throws IllegalArgumentException when a value is invalid
     */
    public SubscriptionRequest {
        Objects.requireNonNull(msisdn, "msisdn");
        if (productId <= 0) {
            throw new IllegalArgumentException("productId must be positive");
        }
        requireDigits("mcc", mcc);
        requireDigits("mnc", mnc);
        io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount);
        Map<String, String> copy = new LinkedHashMap<>();
        if (extraParams != null) {
            extraParams.forEach((k, v) -> {
                if (k == null || k.isBlank() || v == null) {
                    throw new IllegalArgumentException("extra params need a non-blank key and a value");
                }
                copy.put(k, v);
            });
        }
        checkTwice("amount", amount, copy);
        checkTwice("frequency", frequency, copy);
        checkTwice("language", language, copy);
        checkTwice("description", description, copy);
        extraParams = Collections.unmodifiableMap(copy);
    }

    private static void requireDigits(String name, String value) {
        if (value != null && !value.matches("\\d{1,3}")) {
            throw new IllegalArgumentException(name + " must be one to three digits");
        }
    }

    private static void checkTwice(String name, Object typed, Map<String, String> extra) {
        if (typed != null && extra.containsKey(name)) {
            throw new IllegalArgumentException("param '" + name + "' is set both typed and as an extra param");
        }
    }

    /**
     * Starts a builder.
     *
     * @param msisdn the subscriber
     * @param productId Infomedia's product id
     * @return the builder
     */
    public static Builder builder(Msisdn msisdn, long productId) {
        return new Builder(msisdn, productId);
    }

    /** Builds a {@link SubscriptionRequest}. */
    public static final class Builder {
        private final Msisdn msisdn;
        private final long productId;
        private String mcc;
        private String mnc;
        private BigDecimal amount;
        private String frequency;
        private String language;
        private String description;
        private final Map<String, String> extraParams = new LinkedHashMap<>();

        private Builder(Msisdn msisdn, long productId) {
            this.msisdn = msisdn;
            this.productId = productId;
        }

        /**
         * The mobile country code, instead of the client's default.
         *
         * @param mcc for example {@code 424}
         * @return this builder
         */
        public Builder mcc(String mcc) {
            this.mcc = mcc;
            return this;
        }

        /**
         * The mobile network code, instead of the client's default.
         *
         * @param mnc for example {@code 02}
         * @return this builder
         */
        public Builder mnc(String mnc) {
            this.mnc = mnc;
            return this;
        }

        /**
         * The price shown to the subscriber.
         *
         * @param amount for example {@code 0.10}
         * @return this builder
         */
        public Builder amount(BigDecimal amount) {
            this.amount = amount;
            return this;
        }

        /**
         * The price shown to the subscriber, from its decimal text.
         *
         * @param amount for example {@code "0.10"}
         * @return this builder
         * @throws NumberFormatException when not a decimal number, or out of the range of
         *     {@link io.dcb4j.core.model.Money#isWithinBounds}
         */
        public Builder amount(String amount) {
            this.amount = amount == null ? null : io.dcb4j.core.spi.support.Decimals.parse(amount);
            return this;
        }

        /**
         * The billing period.
         *
         * @param frequency for example {@code day}
         * @return this builder
         */
        public Builder frequency(String frequency) {
            this.frequency = frequency;
            return this;
        }

        /**
         * The language.
         *
         * @param language for example {@code en}
         * @return this builder
         */
        public Builder language(String language) {
            this.language = language;
            return this;
        }

        /**
         * The service name shown to the subscriber.
         *
         * @param description the text
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Adds a further {@code params} entry.
         *
         * @param key the key
         * @param value the value
         * @return this builder
         */
        public Builder param(String key, String value) {
            extraParams.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when a value is invalid
         */
        public SubscriptionRequest build() {
            return new SubscriptionRequest(msisdn, productId, mcc, mnc, amount, frequency, language, description,
                    extraParams);
        }
    }
}
