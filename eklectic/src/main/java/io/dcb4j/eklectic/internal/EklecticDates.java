package io.dcb4j.eklectic.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Eklectic's date formats: {@code yyyy-MM-dd HH:mm:ss} without zone (read in the configured zone, Tunisia
 * local time by default), {@code 0000-00-00 00:00:00}, {@code null} and blank meaning "no date", ISO-8601
 * with an offset as seen on some {@code expire_date} values, and a {@code +} or {@code T} between date and
 * time. Internal.
 */
public final class EklecticDates {

    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);

    private EklecticDates() {
    }

    /**
     * Parses a provider date.
     *
     * @param raw the text, or null
     * @param zone the zone for zone-less values
     * @return the instant, or null for "no date"
     * @throws IllegalArgumentException when the text is not a date the provider is known to send
     */
    public static Instant parse(String raw, ZoneId zone) {
        if (raw == null) {
            return null;
        }
        String s = raw.strip();
        if (s.isEmpty() || s.equalsIgnoreCase("null") || s.startsWith("0000-00-00")) {
            return null;
        }
        if (s.length() >= 11 && s.charAt(10) == '+') {
            s = s.substring(0, 10) + ' ' + s.substring(11);
        }
        if (s.length() >= 11 && s.charAt(10) == ' ' && hasOffset(s)) {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            if (hasOffset(s)) {
                return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date of the form yyyy-MM-dd HH:mm:ss", e);
        }
    }

    /** Whether the text ends with {@code Z} or a {@code +hh:mm}/{@code -hh:mm} offset after the time. */
    private static boolean hasOffset(String s) {
        if (s.length() <= 16) {
            return false;
        }
        String time = s.substring(11);
        return time.endsWith("Z") || time.indexOf('+') >= 0 || time.indexOf('-') >= 0;
    }
}
