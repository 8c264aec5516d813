package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A refund to create for a payment ({@code CreateRefund}): {@code total} (the whole payment, no amount) or
 * {@code partial} (an amount and its billing text), plus the sink for events.
 *
 * @param type total or partial
 * @param referenceCode the merchant's reference of the refund
 * @param clientCorrelator the idempotency key: the same value on a retry never refunds twice; null to let the
 *     client generate one per call
 * @param amount the amount (partial only, greater than zero), or null for a total refund
 * @param description the billing text (partial only), or null
 * @param taxIncluded whether the amount includes tax (partial only), or null
 * @param taxAmount the tax (partial only), or null
 * @param merchantIdentifier the merchant ({@code chargingMetaData.merchantIdentifier}), or null
 * @param refundDetails the payment items refunded (partial only), possibly empty
 * @param reason why, or null
 * @param sink the HTTPS URL where the operator sends this refund's events, or null
 * @param sinkCredential how the operator authenticates at the sink, or null
 */
public record RefundRequest(
        RefundType type,
        String referenceCode,
        String clientCorrelator,
        Money amount,
        String description,
        Boolean taxIncluded,
        BigDecimal taxAmount,
        String merchantIdentifier,
        List<RefundItem> refundDetails,
        String reason,
        String sink,
        SinkCredential sinkCredential) {

    /**
     * Validates and copies.
     *
     * @param type required
     * @param referenceCode required, not blank
     * @param clientCorrelator optional
     * @param amount required for a partial refund (greater than zero), absent for a total one
     * @param description required for a partial refund
     * @param taxIncluded optional, partial only
     * @param taxAmount optional, partial only, not negative
     * @param merchantIdentifier optional
     * @param refundDetails optional, partial only, copied
     * @param reason optional
     * @param sink optional, an https URL
     * @param sinkCredential optional
     * @throws IllegalArgumentException naming the field that is missing or invalid
     */
    public RefundRequest {
        Objects.requireNonNull(type, "type");
        PaymentRequest.requireText("referenceCode", referenceCode);
        refundDetails = refundDetails == null ? List.of() : List.copyOf(refundDetails);
        if (type == RefundType.PARTIAL) {
            Objects.requireNonNull(amount, "amount");
            io.dcb4j.core.spi.support.Decimals.requirePositive("amount", amount.amount());
            PaymentRequest.requireText("description", description);
        } else if (amount != null || description != null || taxIncluded != null || taxAmount != null
                || !refundDetails.isEmpty()) {
            throw new IllegalArgumentException("a total refund names no amount, description, tax or items");
        }
        if (taxAmount != null && taxAmount.signum() < 0) {
            throw new IllegalArgumentException("taxAmount must not be negative");
        }
        if (sink != null && !sink.startsWith("https://")) {
            throw new IllegalArgumentException("sink must be an https URL");
        }
        if (sinkCredential != null && sink == null) {
            throw new IllegalArgumentException("a sinkCredential needs a sink");
        }
    }

    /**
     * Starts a builder for a total refund.
     *
     * @param referenceCode the merchant's reference of the refund
     * @return the builder
     */
    public static Builder total(String referenceCode) {
        return new Builder(RefundType.TOTAL, referenceCode, null, null);
    }

    /**
     * Starts a builder for a partial refund.
     *
     * @param amount the amount, greater than zero
     * @param description the billing text
     * @param referenceCode the merchant's reference of the refund
     * @return the builder
     */
    public static Builder partial(Money amount, String description, String referenceCode) {
        return new Builder(RefundType.PARTIAL, referenceCode, amount, description);
    }

    /**
     * The components, with the texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }

    /** Builds a {@link RefundRequest}. */
    public static final class Builder {
        private final RefundType type;
        private final String referenceCode;
        private final Money amount;
        private final String description;
        private String clientCorrelator;
        private Boolean taxIncluded;
        private BigDecimal taxAmount;
        private String merchantIdentifier;
        private final List<RefundItem> refundDetails = new ArrayList<>();
        private String reason;
        private String sink;
        private SinkCredential sinkCredential;

        private Builder(RefundType type, String referenceCode, Money amount, String description) {
            this.type = type;
            this.referenceCode = referenceCode;
            this.amount = amount;
            this.description = description;
        }

        /**
         * The idempotency key; reuse it to repeat the same refund safely.
         *
         * @param clientCorrelator the key
         * @return this builder
         */
        public Builder clientCorrelator(String clientCorrelator) {
            this.clientCorrelator = clientCorrelator;
            return this;
        }

        /**
         * Whether the amount includes tax (partial refunds).
         *
         * @param taxIncluded true for a gross amount
         * @return this builder
         */
        public Builder taxIncluded(Boolean taxIncluded) {
            this.taxIncluded = taxIncluded;
            return this;
        }

        /**
         * The tax in the amount (partial refunds).
         *
         * @param taxAmount not negative
         * @return this builder
         */
        public Builder taxAmount(BigDecimal taxAmount) {
            this.taxAmount = taxAmount;
            return this;
        }

        /**
         * The merchant, for aggregators.
         *
         * @param merchantIdentifier the merchant's id
         * @return this builder
         */
        public Builder merchantIdentifier(String merchantIdentifier) {
            this.merchantIdentifier = merchantIdentifier;
            return this;
        }

        /**
         * Adds a refunded payment item (partial refunds).
         *
         * @param item the item
         * @return this builder
         */
        public Builder item(RefundItem item) {
            refundDetails.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /**
         * Why the refund is made.
         *
         * @param reason the text
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /**
         * Where the operator sends this refund's events, and how it authenticates there.
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
        public RefundRequest build() {
            return new RefundRequest(type, referenceCode, clientCorrelator, amount, description, taxIncluded,
                    taxAmount, merchantIdentifier, refundDetails, reason, sink, sinkCredential);
        }
    }
}
