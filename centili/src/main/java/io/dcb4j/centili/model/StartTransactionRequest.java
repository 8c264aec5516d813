package io.dcb4j.centili.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Starts a Centili transaction ({@code POST /transactions/init}): a one-off charge or a subscription start,
 * depending on the service key.
 *
 * @param userIdentifier who pays, or null to let Centili identify the subscriber (WAP header enrichment)
 * @param price the price to charge, greater than zero, sent as a decimal string, or null to use the service's
 *     price
 * @param wap true for a WAP (browser) flow, false for a PIN flow, null to leave it to Centili
 * @param serviceKey the service key configured at Centili
 * @param clientData the merchant's data, or null
 * @param params further parameters, passed as given; never null
 * @param idempotencyKey the {@code Idempotency-Key} to send, or null to let dcb4j generate one for this call
 */
public record StartTransactionRequest(
        UserIdentifier userIdentifier,
        BigDecimal price,
        Boolean wap,
        String serviceKey,
        ClientData clientData,
        List<String> params,
        String idempotencyKey) {

    /**
     * Validates and copies.
     *
     * @param userIdentifier optional
     * @param price optional, greater than zero
     * @param wap optional
     * @param serviceKey required, not blank
     * @param clientData optional
     * @param params optional, copied
     * @param idempotencyKey optional
     */
    public StartTransactionRequest {
        if (serviceKey == null || serviceKey.isBlank()) {
            throw new IllegalArgumentException("serviceKey is required");
        }
        io.dcb4j.core.spi.support.Decimals.requirePositive("price", price);
        params = params == null ? List.of() : List.copyOf(params);
    }

    /**
     * Starts a builder.
     *
     * @param serviceKey the service key configured at Centili
     * @return the builder
     */
    public static Builder builder(String serviceKey) {
        return new Builder(serviceKey);
    }

    /** Builds a {@link StartTransactionRequest}. */
    public static final class Builder {
        private final String serviceKey;
        private UserIdentifier userIdentifier;
        private BigDecimal price;
        private Boolean wap;
        private ClientData clientData;
        private final List<String> params = new ArrayList<>();
        private String idempotencyKey;

        private Builder(String serviceKey) {
            this.serviceKey = serviceKey;
        }

        /**
         * Sets who pays.
         *
         * @param userIdentifier the identifier
         * @return this builder
         */
        public Builder userIdentifier(UserIdentifier userIdentifier) {
            this.userIdentifier = userIdentifier;
            return this;
        }

        /**
         * Sets the price.
         *
         * @param price the price
         * @return this builder
         */
        public Builder price(BigDecimal price) {
            this.price = price;
            return this;
        }

        /**
         * Chooses the WAP (browser) flow or the PIN flow.
         *
         * @param wap true for WAP
         * @return this builder
         */
        public Builder wap(boolean wap) {
            this.wap = wap;
            return this;
        }

        /**
         * Sets the merchant's data.
         *
         * @param clientData the data
         * @return this builder
         */
        public Builder clientData(ClientData clientData) {
            this.clientData = clientData;
            return this;
        }

        /**
         * Adds a parameter.
         *
         * @param param the value
         * @return this builder
         */
        public Builder param(String param) {
            params.add(Objects.requireNonNull(param, "param"));
            return this;
        }

        /**
         * Sets the idempotency key; reuse the same key to repeat the same logical call.
         *
         * @param idempotencyKey the key
         * @return this builder
         */
        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public StartTransactionRequest build() {
            return new StartTransactionRequest(userIdentifier, price, wap, serviceKey, clientData, params,
                    idempotencyKey);
        }
    }
}
