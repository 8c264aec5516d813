package io.dcb4j.core.spi.support;

import io.dcb4j.core.model.Money;
import java.math.BigDecimal;

/**
 * Reading numbers from untrusted text (provider answers, callback parameters, token lifetimes) without
 * letting a huge exponent through: {@code 1e999999999} parses in nanoseconds, but its plain text, its
 * rescaling or its conversion to an integer takes a gigabyte. Every decimal read here is within
 * {@link Money#isWithinBounds(BigDecimal)}; the core JSON mapper applies the same bounds to every
 * {@code BigDecimal} it reads. Messages never quote the input. Internal.
 */
public final class Decimals {

    /** The longest text {@link #parse} reads; longer text is refused before parsing. */
    public static final int MAX_TEXT_LENGTH = 100;

    private static final String NOT_A_NUMBER = "is not a decimal number";
    private static final String OUT_OF_RANGE = "is out of range: more than " + Money.MAX_PRECISION
            + " significant digits, or a scale beyond -" + Money.MAX_SCALE + ".." + Money.MAX_SCALE;
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    private Decimals() {
    }

    /** A decimal that is well formed but outside the bounds; a {@link NumberFormatException} for callers that catch that. */
    public static final class OutOfRangeException extends NumberFormatException {

        private static final long serialVersionUID = 1L;

        OutOfRangeException() {
            super(OUT_OF_RANGE);
        }
    }

    /**
     * Parses decimal text, surrounding blanks stripped, and checks the bounds.
     *
     * @param text the text, for example {@code 10.50} or {@code 1.05E+1}
     * @return the value, exactly as written
     * @throws OutOfRangeException when the number is outside {@link Money#isWithinBounds(BigDecimal)}
     * @throws NumberFormatException when the text is null, blank, longer than {@value #MAX_TEXT_LENGTH}
     *     characters or not a decimal number; the message ({@code "is not a decimal number"}) never quotes it
     */
    public static BigDecimal parse(String text) {
        BigDecimal value = parseUnbounded(text);
        if (!Money.isWithinBounds(value)) {
            throw new OutOfRangeException();
        }
        return value;
    }

    /**
     * Like {@link #parse}, but null for null or blank text.
     *
     * @param text the text, or null
     * @return the value, or null
     * @throws NumberFormatException as {@link #parse} does for present text
     */
    public static BigDecimal parseOrNull(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /**
     * Checks the bounds of a decimal.
     *
     * @param value the value, or null
     * @return the value
     * @throws OutOfRangeException when it is outside {@link Money#isWithinBounds(BigDecimal)}
     */
    public static BigDecimal requireWithinBounds(BigDecimal value) {
        if (value != null && !Money.isWithinBounds(value)) {
            throw new OutOfRangeException();
        }
        return value;
    }

    /**
     * Checks an amount the caller asks to charge: within bounds and greater than zero.
     *
     * @param field the name to put in the message, for example {@code amount} or {@code price}
     * @param value the amount, or null
     * @return the amount
     * @throws IllegalArgumentException naming the field when the amount is zero, negative or out of range
     */
    public static BigDecimal requirePositive(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (!Money.isWithinBounds(value)) {
            throw new IllegalArgumentException(field + " " + OUT_OF_RANGE);
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be greater than zero, got " + value.toPlainString());
        }
        return value;
    }

    /**
     * A whole number of any size read from text (seconds, an epoch second), saturated to the range of a
     * long: {@code 1e17} is 10<sup>17</sup>, {@code 9223372036854775808} and {@code 1e999999999} are
     * {@link Long#MAX_VALUE}; decimals are truncated towards zero.
     *
     * @param text the text of a decimal number, or null
     * @return the value
     * @throws NumberFormatException when the text is null, blank or not a decimal number
     */
    public static long saturatedLong(String text) {
        BigDecimal value = parseUnbounded(text);
        // compareTo looks at the exponents first, so even 1e999999999 compares in constant time
        if (value.compareTo(LONG_MAX) >= 0) {
            return Long.MAX_VALUE;
        }
        if (value.compareTo(LONG_MIN) <= 0) {
            return Long.MIN_VALUE;
        }
        if (value.compareTo(BigDecimal.ONE) < 0 && value.compareTo(BigDecimal.ONE.negate()) > 0) {
            return 0; // also 1e-999999999, whose rescaling would be as costly as 1e999999999's
        }
        return value.longValue();
    }

    private static BigDecimal parseUnbounded(String text) {
        if (text == null) {
            throw new NumberFormatException(NOT_A_NUMBER);
        }
        String s = text.strip();
        if (s.isEmpty() || s.length() > MAX_TEXT_LENGTH) {
            throw new NumberFormatException(NOT_A_NUMBER);
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(NOT_A_NUMBER);
        }
    }
}
