package io.dcb4j.core.model;

import java.util.Objects;

/**
 * A subscriber's phone number in international form, digits only.
 *
 * <p>On input a leading {@code +}, spaces, dashes, dots and parentheses are stripped, then a leading
 * {@code 00} international call prefix ({@code 0021698765432}, and {@code +0021698765432} where both
 * prefixes were typed, are {@code 21698765432}); what remains must be 8 to 15 digits (E.164 allows at most
 * 15, country code included), must not start with {@code 00} again and must not be all zeros. A national
 * number with one leading {@code 0} ({@code 01712345678}) is kept as given, for providers that accept it.
 * {@link #toString()} masks the middle so that a full MSISDN never reaches a log line by accident; use
 * {@link #digits()} or {@link #e164()} where the provider API needs the number.
 */
public final class Msisdn implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final String digits;

    private Msisdn(String digits) {
        this.digits = digits;
    }

    /**
     * Parses and validates an MSISDN.
     *
     * @param raw the number, for example {@code +216 12-345-678}
     * @return the normalised MSISDN
     * @throws IllegalArgumentException when the input is null, not 8 to 15 digits once normalised, starts
     *     with a second {@code 00} prefix or is all zeros; the message never repeats the input
     */
    public static Msisdn of(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("MSISDN is required");
        }
        switch (check(raw)) {
            case BAD_CHARACTER -> throw new IllegalArgumentException(
                    "MSISDN may contain only digits, '+', spaces and dashes");
            case SECOND_PREFIX -> throw new IllegalArgumentException(
                    "MSISDN has more than one international prefix (00)");
            case LENGTH -> throw new IllegalArgumentException("MSISDN must have 8 to 15 digits, got "
                    + digits(raw).length());
            case ALL_ZEROS -> throw new IllegalArgumentException("MSISDN must not be all zeros");
            default -> {
                return new Msisdn(digits(raw));
            }
        }
    }

    /**
     * Whether {@code raw} would be accepted by {@link #of(String)}.
     *
     * @param raw the candidate
     * @return true when valid
     */
    public static boolean isValid(String raw) {
        return raw != null && check(raw) == VALID;
    }

    private static final int VALID = 0;
    private static final int BAD_CHARACTER = 1;
    private static final int SECOND_PREFIX = 2;
    private static final int LENGTH = 3;
    private static final int ALL_ZEROS = 4;

    /**
     * What is wrong with a candidate, in the order {@link #of} reports it, {@link #VALID} for nothing: one pass
     * that allocates nothing, so that checking a number before reading it costs no more than reading it.
     */
    private static int check(String raw) {
        int end = end(raw);
        int n = 0;
        boolean nonZero = false;
        char d0 = 0;
        char d1 = 0;
        char d2 = 0;
        char d3 = 0;
        for (int i = start(raw, end); i < end; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                switch (n) {
                    case 0 -> d0 = c;
                    case 1 -> d1 = c;
                    case 2 -> d2 = c;
                    case 3 -> d3 = c;
                    default -> {
                    }
                }
                nonZero |= c != '0';
                n++;
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return BAD_CHARACTER;
            }
        }
        // "00" first is the international call prefix, typed instead of or after '+'; "00" again is a second one
        boolean prefix = n >= 2 && d0 == '0' && d1 == '0';
        if (prefix && n >= 4 && d2 == '0' && d3 == '0') {
            return SECOND_PREFIX;
        }
        int length = prefix ? n - 2 : n;
        if (length < 8 || length > 15) {
            return LENGTH;
        }
        return nonZero ? VALID : ALL_ZEROS;
    }

    /** The digits of a candidate without the separators and an international prefix. */
    private static String digits(String raw) {
        int end = end(raw);
        StringBuilder sb = new StringBuilder(end);
        for (int i = start(raw, end); i < end; i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            }
        }
        if (sb.length() >= 2 && sb.charAt(0) == '0' && sb.charAt(1) == '0') {
            sb.delete(0, 2); // the international call prefix, typed instead of or after '+'
        }
        return sb.toString();
    }

    /** Where the number starts: after leading white space (as {@link String#strip()}) and one {@code +}. */
    private static int start(String raw, int end) {
        int i = 0;
        while (i < end && Character.isWhitespace(raw.codePointAt(i))) {
            i += Character.charCount(raw.codePointAt(i));
        }
        return i < end && raw.charAt(i) == '+' ? i + 1 : i;
    }

    /** Where the number ends: before trailing white space, as {@link String#strip()}. */
    private static int end(String raw) {
        int j = raw.length();
        while (j > 0 && Character.isWhitespace(raw.codePointBefore(j))) {
            j -= Character.charCount(raw.codePointBefore(j));
        }
        return j;
    }

    /**
     * The digits, country code first, without {@code +}.
     *
     * @return for example {@code 21612345678}
     */
    public String digits() {
        return digits;
    }

    /**
     * The number in E.164 form.
     *
     * @return for example {@code +21612345678}
     */
    public String e164() {
        return "+" + digits;
    }

    /**
     * The number with its middle masked, safe for logs.
     *
     * @return for example {@code 2161*****78}
     */
    public String masked() {
        return mask(digits);
    }

    /**
     * Masks a digit string the way {@link #masked()} does: the first four and the last two characters kept.
     *
     * @param digits any string, not null
     * @return the masked form; short inputs are fully masked
     */
    public static String mask(String digits) {
        java.util.Objects.requireNonNull(digits, "digits");
        int n = digits.length();
        if (n <= 6) {
            return "*".repeat(n);
        }
        return digits.substring(0, 4) + "*".repeat(n - 6) + digits.substring(n - 2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Msisdn other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Masked: never the full number. */
    @Override
    public String toString() {
        return masked();
    }

    /** Serialized as its digits and validated again by {@link #of} when read. */
    private Object writeReplace() {
        return new Serialized(digits);
    }

    private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("an Msisdn is read through its serialized form only");
    }

    private record Serialized(String digits) implements java.io.Serializable {
        private Object readResolve() {
            return Msisdn.of(digits);
        }
    }
}
