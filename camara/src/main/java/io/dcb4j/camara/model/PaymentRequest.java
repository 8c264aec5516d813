package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payment to create in one step ({@code createPayment}) or to prepare in two ({@code preparePayment}):
 * every field of {@code amountTransaction}, plus the sink for events.
 *
 * @param phoneNumber the subscriber to charge; required with a two-legged token, left out (never sent) with
 *     a three-legged one, which names the subscriber itself; or null
 * @param amount the amount, greater than zero, at most three decimals
 * @param description the billing text ({@code chargingInformation.description})
 * @param taxIncluded whether the amount includes tax, or null (the operator's default: no)
 * @param taxAmount the tax in the amount, or null
 * @param referenceCode the merchant's reference of the purchase (an order id), unique per payment
 * @param clientCorrelator the idempotency key: the same value on a retry never charges twice; null to let
 *     the client generate one per call
 * @param metaData merchant, service and product, or null
 * @param paymentDetails the items, possibly empty
 * @param sink the HTTPS URL where the operator sends this payment's events, or null
 * @param sinkCredential how the operator authenticates at the sink, or null
 */
public record PaymentRequest(
        Msisdn phoneNumber,
        Money amount,
        String description,
        Boolean taxIncluded,
        BigDecimal taxAmount,
        String referenceCode,
        String clientCorrelator,
        ChargingMetaData metaData,
        List<PaymentItem> paymentDetails,
        String sink,
        SinkCredential sinkCredential) {

    /**
     * Validates and copies.
     *
     * @param phoneNumber optional
     * @param amount required, greater than zero
     * @param description required, not blank
     * @param taxIncluded optional
     * @param taxAmount optional, not negative
     * @param referenceCode required, not blank
     * @param clientCorrelator optional
     * @param metaData optional
     * @param paymentDetails optional, copied
     * @param sink optional, an https URL
     * @param sinkCredential optional
     * @throws IllegalArgumentException naming the field that is missing or invalid
     */
    public PaymentRequest {
        Objects.requireNonNull(amount, "amount");
        io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount.amount());
        requireText("description", description);
        requireText("referenceCode", referenceCode);
        if (taxAmount != null && taxAmount.signum() < 0) {
            throw new IllegalArgumentException("taxAmount must not be negative");
        }
        if (sink != null && !sink.startsWith("https://")) {
            throw new IllegalArgumentException("sink must be an https URL");
        }
        if (sinkCredential != null && sink == null) {
            throw new IllegalArgumentException("a sinkCredential needs a sink");
        }
        paymentDetails = paymentDetails == null ? List.of() : List.copyOf(paymentDetails);
    }

    static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /**
     * Starts a builder.
     *
     * @param amount the amount, greater than zero
     * @param description the billing text
     * @param referenceCode the merchant's reference (an order id)
     * @return the builder
     */
    public static Builder builder(Money amount, String description, String referenceCode) {
        return new Builder(amount, description, referenceCode);
    }

    /**
     * The components, with the texts cleaned and the phone number masked.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }

    /** Builds a {@link PaymentRequest}. */
    public static final class Builder {
        private final Money amount;
        private final String description;
        private final String referenceCode;
        private Msisdn phoneNumber;
        private Boolean taxIncluded;
        private BigDecimal taxAmount;
        private String clientCorrelator;
        private ChargingMetaData metaData;
        private final List<PaymentItem> paymentDetails = new ArrayList<>();
        private String sink;
        private SinkCredential sinkCredential;

        private Builder(Money amount, String description, String referenceCode) {
            this.amount = amount;
            this.description = description;
            this.referenceCode = referenceCode;
        }

        /**
         * The subscriber to charge (two-legged access).
         *
         * @param phoneNumber the subscriber
         * @return this builder
         */
        public Builder phoneNumber(Msisdn phoneNumber) {
            this.phoneNumber = phoneNumber;
            return this;
        }

        /**
         * Whether the amount includes tax.
         *
         * @param taxIncluded true for a gross amount
         * @return this builder
         */
        public Builder taxIncluded(Boolean taxIncluded) {
            this.taxIncluded = taxIncluded;
            return this;
        }

        /**
         * The tax in the amount.
         *
         * @param taxAmount not negative
         * @return this builder
         */
        public Builder taxAmount(BigDecimal taxAmount) {
            this.taxAmount = taxAmount;
            return this;
        }

        /**
         * The idempotency key; reuse it to repeat the same payment safely.
         *
         * @param clientCorrelator the key
         * @return this builder
         */
        public Builder clientCorrelator(String clientCorrelator) {
            this.clientCorrelator = clientCorrelator;
            return this;
        }

        /**
         * Merchant, service and product.
         *
         * @param metaData the metadata
         * @return this builder
         */
        public Builder metaData(ChargingMetaData metaData) {
            this.metaData = metaData;
            return this;
        }

        /**
         * Adds an item.
         *
         * @param item the item
         * @return this builder
         */
        public Builder item(PaymentItem item) {
            paymentDetails.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * Where the operator sends this payment's events, and how it authenticates there.
         *
         * @param sink an https URL
         * @param credential the credential, or null for none
         * @return this builder
         */
        public Builder sink(String sink, SinkCredential credential) {
            this.sink = sink;
            this.sinkCredential = credential;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException naming the field that is missing or invalid
         */
        public PaymentRequest build() {
            return new PaymentRequest(phoneNumber, amount, description, taxIncluded, taxAmount, referenceCode,
                    clientCorrelator, metaData, paymentDetails, sink, sinkCredential);
        }
    }
}
