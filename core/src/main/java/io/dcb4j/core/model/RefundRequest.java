package io.dcb4j.core.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request to refund a billed charge.
 *
 * @param charge the charge to refund
 * @param amount the amount to refund, greater than zero; null refunds the whole charge (what remains of it)
 * @param reason why, as the merchant or the subscriber gave it, or null
 * @param clientReference the merchant's reference of the refund, or null
 * @param idempotencyKey the key that makes retries safe, for providers that honour one; null to let dcb4j
 *     generate one per call
 * @param params further provider parameters; never null
 */
public record RefundRequest(
        ChargeRef charge,
        Money amount,
        String reason,
        String clientReference,
        String idempotencyKey,
        Map<String, String> params) {

    /**
     * Validates and copies.
     *
     * @param charge required
     * @param amount optional, greater than zero when given
     * @param reason optional
     * @param clientReference optional
     * @param idempotencyKey optional
     * @param params optional, copied
     * @throws IllegalArgumentException naming {@code amount} when it is zero or negative
     */
    public RefundRequest {
        Objects.requireNonNull(charge, "charge");
        if (amount != null) {
            io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount.amount());
        }
        params = Copies.of(params);
    }

    /**
     * Whether the whole charge is refunded.
     *
     * @return true when no amount is given
     */
    public boolean isTotal() {
        return amount == null;
    }

    /**
     * Starts a builder for a refund of the whole charge; set an amount for a partial one.
     *
     * @param charge the charge to refund
     * @return the builder
     */
    public static Builder builder(ChargeRef charge) {
        return new Builder(charge);
    }

    /**
     * The components, with the texts cleaned (control and bidi characters removed, phone numbers masked, at
     * most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }

    /** Builds a {@link RefundRequest}. */
    public static final class Builder {
        private final ChargeRef charge;
        private Money amount;
        private String reason;
        private String clientReference;
        private String idempotencyKey;
        private final Map<String, String> params = new LinkedHashMap<>();

        private Builder(ChargeRef charge) {
            this.charge = charge;
        }

        /**
         * Refunds only this amount (a partial refund).
         *
         * @param amount greater than zero (checked by {@link #build()}); null for the whole charge
         * @return this builder
         */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /**
         * Sets the reason.
         *
         * @param reason the text
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
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
        public RefundRequest build() {
            return new RefundRequest(charge, amount, reason, clientReference, idempotencyKey, params);
        }
    }
}
