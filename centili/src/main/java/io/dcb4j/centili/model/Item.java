package io.dcb4j.centili.model;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a transaction sold: the {@code item} object. Numbers arrive as strings; one that is not a decimal
 * number reads as null, never as an error.
 *
 * @param amount the quantity of the item (for example 100 credits), or null
 * @param price the price billed, or null
 * @param name the item name, or null
 * @param currency the ISO 4217 currency code of {@code price}, or null
 */
public record Item(BigDecimal amount, BigDecimal price, String name, String currency) {

    /**
     * The price as money, when both the price and a known currency code are present.
     *
     * @return the money value
     */
    public Optional<Money> priceMoney() {
        if (price == null || currency == null || currency.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Money.of(price, Money.currency(currency)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
