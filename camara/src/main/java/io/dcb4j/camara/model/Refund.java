package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A refund as the operator answers it ({@code Refund}), with every documented field.
 *
 * @param refundId the refund's id
 * @param paymentId the refunded payment (from the call's path)
 * @param status the status
 * @param rawStatus {@code refundStatus} as received
 * @param type total or partial
 * @param clientCorrelator the idempotency key, as echoed, or null
 * @param referenceCode the merchant's reference, or null
 * @param amount the amount (partial refunds), or null for a total refund
 * @param description the billing text, or null
 * @param taxIncluded whether the amount includes tax, or null
 * @param taxAmount the tax, or null
 * @param merchantIdentifier the merchant, or null
 * @param refundDetails the refunded items, possibly empty
 * @param createdAt {@code refundCreationDate}, or null when not sent
 * @param refundedAt {@code refundDate}: when it was refunded, or null
 * @param reason why, or null
 * @param sink the sink of its events, or null
 */
public record Refund(
        String refundId,
        String paymentId,
        RefundStatus status,
        String rawStatus,
        RefundType type,
        String clientCorrelator,
        String referenceCode,
        Money amount,
        String description,
        Boolean taxIncluded,
        BigDecimal taxAmount,
        String merchantIdentifier,
        List<RefundItem> refundDetails,
        Instant createdAt,
        Instant refundedAt,
        String reason,
        String sink) {

    /**
     * Validates and copies.
     *
     * @param refundId required
     * @param paymentId required
     * @param status required
     * @param rawStatus optional
     * @param type required
     * @param clientCorrelator optional
     * @param referenceCode optional
     * @param amount optional
     * @param description optional
     * @param taxIncluded optional
     * @param taxAmount optional
     * @param merchantIdentifier optional
     * @param refundDetails optional, copied
     * @param createdAt optional
     * @param refundedAt optional
     * @param reason optional
     * @param sink optional
     */
    public Refund {
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(type, "type");
        refundDetails = refundDetails == null ? List.of() : List.copyOf(refundDetails);
    }

    /**
     * The components, with the operator's texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
