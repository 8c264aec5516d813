package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;

/**
 * The body of {@code PUT .../tenants/{tenantId}/payments/{paymentId}} that completes an initiated VAS
 * payment. Every field is optional; the documents send the amount and the wallet, plus the landing URL or the
 * external id depending on the partner.
 *
 * @param amount the amount to pay, greater than zero, or null
 * @param walletId the wallet paid from, or null
 * @param landingUrl where the buyer's browser goes afterwards, or null
 * @param externalUniqueId the external id given at initiation, or null
 */
public record PaymentUpdate(BigDecimal amount, Long walletId, String landingUrl, String externalUniqueId) {

    /**
     * Validates.
     *
     * @param amount optional, greater than zero
     * @param walletId optional
     * @param landingUrl optional
     * @param externalUniqueId optional
     */
    public PaymentUpdate {
        io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount);
    }

    /**
     * Starts a builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PaymentUpdate}. */
    public static final class Builder {
        private BigDecimal amount;
        private Long walletId;
        private String landingUrl;
        private String externalUniqueId;

        private Builder() {
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
         * Sets the wallet.
         *
         * @param walletId the wallet id
         * @return this builder
         */
        public Builder walletId(long walletId) {
            this.walletId = walletId;
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
         * Sets the external id.
         *
         * @param externalUniqueId the id given at initiation
         * @return this builder
         */
        public Builder externalUniqueId(String externalUniqueId) {
            this.externalUniqueId = externalUniqueId;
            return this;
        }

        /**
         * Builds the update.
         *
         * @return the update
         */
        public PaymentUpdate build() {
            return new PaymentUpdate(amount, walletId, landingUrl, externalUniqueId);
        }
    }
}
