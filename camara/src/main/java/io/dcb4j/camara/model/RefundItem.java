package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One item of a partial refund ({@code refundDetails}), naming the payment item it refunds.
 *
 * @param paymentItemId the {@link PaymentItem#id()} refunded
 * @param amount the amount refunded
 * @param description the billing text
 * @param taxIncluded whether the amount includes tax, or null
 * @param taxAmount the tax, or null
 */
public record RefundItem(String paymentItemId, Money amount, String description, Boolean taxIncluded,
        BigDecimal taxAmount) {

    /**
     * Validates.
     *
     * @param paymentItemId required
     * @param amount required
     * @param description required
     * @param taxIncluded optional
     * @param taxAmount optional
     */
    public RefundItem {
        Objects.requireNonNull(paymentItemId, "paymentItemId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
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
}
