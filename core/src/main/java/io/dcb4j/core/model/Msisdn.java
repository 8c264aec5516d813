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
        StringBuilder sb = new StringBuilder(raw.length());
        String s = raw.strip();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                continue;
            } else {
                throw new IllegalArgumentException("MSISDN may contain only digits, '+', spaces and dashes");
            }
        }
        if (sb.length() >= 2 && sb.charAt(0) == '0' && sb.charAt(1) == '0') {
            sb.delete(0, 2); // the international call prefix, typed instead of or after '+'
            if (sb.length() >= 2 && sb.charAt(0) == '0' && sb.charAt(1) == '0') {
                throw new IllegalArgumentException("MSISDN has more than one international prefix (00)");
            }
        }
        int n = sb.length();
        if (n < 8 || n > 15) {
            throw new IllegalArgumentException("MSISDN must have 8 to 15 digits, got " + n);
        }
        if (allZeros(sb)) {
            throw new IllegalArgumentException("MSISDN must not be all zeros");
        }
        return new Msisdn(sb.toString());
    }

    private static boolean allZeros(CharSequence digits) {
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code raw} would be accepted by {@link #of(String)}.
     *
     * @param raw the candidate
     * @return true when valid
     */
    public static boolean isValid(String raw) {
        try {
            of(raw);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
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
