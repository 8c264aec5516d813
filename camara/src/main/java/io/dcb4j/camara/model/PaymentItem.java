package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One item of a payment ({@code paymentDetails}), which a partial refund may name.
 *
 * @param id the item's id, unique within the payment
 * @param amount its amount
 * @param description its billing text
 * @param taxIncluded whether the amount includes tax, or null (the operator's default: no)
 * @param taxAmount the tax, or null
 */
public record PaymentItem(String id, Money amount, String description, Boolean taxIncluded, BigDecimal taxAmount) {

    /**
     * Validates.
     *
     * @param id required
     * @param amount required
     * @param description required
     * @param taxIncluded optional
     * @param taxAmount optional
     */
    public PaymentItem {
        Objects.requireNonNull(id, "id");
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
