package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What of a payment is not refunded yet ({@code PaymentRemainingAmount}): refunds still processing count as
 * refunded until they are denied.
 *
 * @param amount the amount not refunded; zero when the whole payment is
 * @param description the operator's text, or null
 * @param taxIncluded whether the amount includes tax, or null
 * @param taxAmount the tax, or null
 */
public record RemainingAmount(Money amount, String description, Boolean taxIncluded, BigDecimal taxAmount) {

    /**
     * Validates.
     *
     * @param amount required
     * @param description optional
     * @param taxIncluded optional
     * @param taxAmount optional
     */
    public RemainingAmount {
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * Whether the whole payment is refunded.
     *
     * @return true when the amount is zero
     */
    public boolean isFullyRefunded() {
        return amount.isZero();
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
