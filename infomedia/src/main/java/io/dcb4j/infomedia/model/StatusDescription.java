package io.dcb4j.infomedia.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Infomedia's {@code description} field split into its code prefix and its text: {@code "00 - User is
 * subscribed"} is code {@code 00}, text {@code User is subscribed}. The raw value is kept as received.
 *
 * @param code the code before the dash ({@code 00}, {@code 23}, {@code AA}), or null when the description
 *     has no code prefix
 * @param text the text after the dash, or the whole description when it has no code prefix; null when
 *     the description was null
 * @param raw the description exactly as received, or null
 */
public record StatusDescription(String code, String text, String raw) {

    private static final Pattern CODED = Pattern.compile("^\\s*([A-Za-z0-9]{1,6})\\s+-\\s*(.*?)\\s*$", Pattern.DOTALL);

    /** The code of a plain success ({@code 00}). */
    public static final String OK = "00";

    /** The code of a reactivated subscription ({@code 23}). */
    public static final String REACTIVATED = "23";

    /**
     * Splits a description.
     *
     * @param raw the description as received, possibly null or without a code
     * @return the parts; all null when {@code raw} is null
     */
    public static StatusDescription parse(String raw) {
        if (raw == null) {
            return new StatusDescription(null, null, null);
        }
        Matcher m = CODED.matcher(raw);
        if (m.matches()) {
            return new StatusDescription(m.group(1), m.group(2), raw);
        }
        String text = raw.strip();
        return new StatusDescription(null, text.isEmpty() ? null : text, raw);
    }

    /**
     * Whether the code is {@code code}, compared case-insensitively.
     *
     * @param other the code to compare with
     * @return true when equal
     */
    public boolean hasCode(String other) {
        return code != null && code.equalsIgnoreCase(other);
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
