package io.dcb4j.eklectic.internal;

import io.dcb4j.core.spi.support.Timestamps;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Eklectic's date formats: {@code yyyy-MM-dd HH:mm:ss} without zone (read in the configured zone, Tunisia
 * local time by default), {@code 0000-00-00 00:00:00}, {@code null} and blank meaning "no date", ISO-8601
 * with an offset as seen on some {@code expire_date} values (in any spelling: {@code Z}, {@code +01},
 * {@code +0100}, {@code +01:00}), and a {@code +} or {@code T} between date and time. Internal.
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
            LocalDateTime plain = plain(s);
            if (plain != null) {
                return plain.atZone(zone).toInstant();
            }
            if (hasOffset(s)) {
                // any offset spelling: Z, +01, +0100, +01:00
                return Timestamps.parse(s, zone);
            }
            return LocalDateTime.parse(s, LOCAL).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date of the form yyyy-MM-dd HH:mm:ss", e);
        }
    }

    /**
     * The common {@code yyyy-MM-dd HH:mm:ss} (or {@code T} between) read digit by digit: the optional
     * sections of {@link #LOCAL} make the formatter copy its state per section, a third of a callback's
     * parsing time. Null when the text has another shape (the formatter then decides); an impossible date
     * or time (month 13, 30 February, hour 24) throws {@link java.time.DateTimeException}, as STRICT does.
     */
    private static LocalDateTime plain(String s) {
        if (s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("not a valid date or time", s, 0, e);
        }
    }

    /** The number written by {@code count} ASCII digits at {@code from}; -1 when one is not a digit. */
    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
