package io.dcb4j.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts are exact {@link BigDecimal}s; two amounts that differ only
 * by trailing zeros ({@code 10.0} and {@code 10.00}) are equal.
 */
public final class Money implements Comparable<Money> {

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /**
     * Creates an amount.
     *
     * @param amount the exact amount
     * @param currency the currency
     * @return the money value
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Creates an amount from its decimal text and an ISO 4217 code.
     *
     * @param amount decimal text such as {@code "0.10"}
     * @param currencyCode ISO 4217 code such as {@code "AED"}
     * @return the money value
     * @throws IllegalArgumentException when the amount is not a decimal number or the code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        if (amount == null || currencyCode == null) {
            throw new IllegalArgumentException("amount and currency are required");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a decimal number: '" + truncate(amount) + "'");
        }
        return new Money(value, currency(currencyCode));
    }

    /**
     * Looks up a currency by ISO 4217 code, case-insensitively.
     *
     * @param code the code
     * @return the currency
     * @throws IllegalArgumentException when unknown
     */
    public static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown currency code '" + truncate(code) + "'");
        }
    }

    private static String truncate(String s) {
        return s == null ? "null" : s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }

    /**
     * The exact amount.
     *
     * @return the amount, scale as given
     */
    public BigDecimal amount() {
        return amount;
    }

    /**
     * The currency.
     *
     * @return the currency
     */
    public Currency currency() {
        return currency;
    }

    /**
     * Adds an amount of the same currency.
     *
     * @param other the addend
     * @return the sum
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * Subtracts an amount of the same currency.
     *
     * @param other the subtrahend
     * @return the difference
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * Multiplies by a whole quantity.
     *
     * @param quantity the factor
     * @return the product
     */
    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /**
     * The amount at the currency's usual number of decimals ({@code 2} for AED, {@code 0} for JPY).
     *
     * @return the rescaled amount
     * @throws ArithmeticException when that would lose precision
     */
    public BigDecimal amountInCurrencyScale() {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        return amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    /**
     * The amount in the currency's minor unit (cents, fils ...).
     *
     * @return the minor units
     * @throws ArithmeticException when the amount has more decimals than the currency or overflows a long
     */
    public long toMinorUnits() {
        return amountInCurrencyScale().movePointRight(Math.max(currency.getDefaultFractionDigits(), 0))
                .longValueExact();
    }

    /**
     * Whether the amount is zero.
     *
     * @return true for zero, at any scale
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "currency mismatch: " + currency.getCurrencyCode() + " vs " + other.currency.getCurrencyCode());
        }
    }

    /**
     * Orders amounts of the same currency.
     *
     * @throws IllegalArgumentException when the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && m.currency.equals(currency) && m.amount.compareTo(amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), currency);
    }

    /** For example {@code 0.10 AED}. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
