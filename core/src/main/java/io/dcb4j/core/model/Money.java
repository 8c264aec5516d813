package io.dcb4j.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency. Amounts are exact {@link BigDecimal}s; two amounts that differ only
 * by trailing zeros ({@code 10.0} and {@code 10.00}) are equal.
 *
 * <p>Amounts are bounded (see {@link #isWithinBounds(BigDecimal)}): at most {@value #MAX_PRECISION}
 * significant digits and a scale between -{@value #MAX_SCALE} and {@value #MAX_SCALE}, so that an amount such
 * as {@code 1e999999999}, whose plain text would take a gigabyte, is refused where it is read (a provider
 * answer, a callback, the factories here) instead of exhausting memory in {@code toString()} or arithmetic.
 * The bounds are generous for real money: twenty digits before and after the decimal point.
 *
 * <p>A {@code Money} may be negative or zero: provider answers report refunds, credits and balances that
 * way. What you ask a provider to charge must be positive; {@link ChargeRequest} and {@link SubscribeRequest}
 * check that.
 */
public final class Money implements Comparable<Money>, java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** The most significant digits an amount may have. */
    public static final int MAX_PRECISION = 40;

    /**
     * The most decimal places an amount may have, and the most places an exponent may move its decimal point
     * to the right ({@code 1E+20} is within bounds, {@code 1E+21} is not).
     */
    public static final int MAX_SCALE = 20;

    private final BigDecimal amount;
    private final Currency currency;

    private Money(BigDecimal amount, Currency currency) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /**
     * Creates an amount.
     *
     * @param amount the exact amount, negative and zero included
     * @param currency the currency
     * @return the money value
     * @throws IllegalArgumentException when the amount is outside the bounds of {@link #isWithinBounds}
     */
    public static Money of(BigDecimal amount, Currency currency) {
        Objects.requireNonNull(amount, "amount");
        if (!isWithinBounds(amount)) {
            throw new IllegalArgumentException(OUT_OF_BOUNDS);
        }
        return new Money(amount, currency);
    }

    /** Why an amount is refused; never quotes it (its plain text may be gigabytes). */
    private static final String OUT_OF_BOUNDS = "amount is out of range: more than " + MAX_PRECISION
            + " significant digits, or a scale beyond -" + MAX_SCALE + ".." + MAX_SCALE;

    /**
     * Whether a decimal is within the bounds every amount respects: at most {@value #MAX_PRECISION} significant
     * digits (its {@link BigDecimal#precision()}) and a {@link BigDecimal#scale()} between -{@value #MAX_SCALE}
     * and {@value #MAX_SCALE}. The plain text of such a number has at most 63 characters, and adding or
     * multiplying two of them stays cheap.
     *
     * @param value the decimal
     * @return true when within bounds
     */
    public static boolean isWithinBounds(BigDecimal value) {
        int scale = value.scale();
        return scale <= MAX_SCALE && scale >= -MAX_SCALE && value.precision() <= MAX_PRECISION;
    }

    /**
     * Creates an amount from its decimal text and an ISO 4217 code.
     *
     * @param amount decimal text such as {@code "0.10"}
     * @param currencyCode ISO 4217 code such as {@code "AED"}
     * @return the money value
     * @throws IllegalArgumentException when the amount is not a decimal number, is outside the bounds of
     *     {@link #isWithinBounds}, or the code is unknown
     */
    public static Money of(String amount, String currencyCode) {
        if (amount == null || currencyCode == null) {
            throw new IllegalArgumentException("amount and currency are required");
        }
        BigDecimal value;
        try {
            value = io.dcb4j.core.spi.support.Decimals.parse(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(e instanceof io.dcb4j.core.spi.support.Decimals.OutOfRangeException
                    ? OUT_OF_BOUNDS : "amount is not a decimal number: '" + truncate(amount) + "'");
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

    /**
     * The amount as people read it: at the currency's number of decimals ({@code 155.000000000} ZAR is
     * {@code 155.00}, {@code 0.5} TND is {@code 0.500}, {@code 1200} JPY is {@code 1200}), with more decimals
     * only where they are not zero ({@code 0.125} USD stays {@code 0.125}). Never rounded: the value is the
     * same as {@link #amount()}.
     *
     * @return the amount at the currency's scale, or more when needed
     */
    public BigDecimal displayAmount() {
        int digits = currency.getDefaultFractionDigits();
        BigDecimal stripped = amount.stripTrailingZeros();
        int scale = Math.max(Math.max(digits, 0), stripped.scale());
        return stripped.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** The {@link #displayAmount()} and the currency code, for example {@code 0.10 AED} or {@code 155.00 ZAR}. */
    @Override
    public String toString() {
        return displayAmount().toPlainString() + " " + currency.getCurrencyCode();
    }

    /** Serialized as amount and currency code, and validated again by {@link #of} when read. */
    private Object writeReplace() {
        return new Serialized(amount, currency.getCurrencyCode());
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("a Money is read through its serialized form only");
    }

    private record Serialized(BigDecimal amount, String currency) implements java.io.Serializable {
        private Object readResolve() {
            return Money.of(amount, Currency.getInstance(currency));
        }
    }
}
