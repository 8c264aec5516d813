package io.dcb4j.core.spi.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamps Java (and most other) back ends emit, so that a provider's time is never dropped
 * because of its offset's spelling: an ISO-8601 date, {@code T} or a space, {@code HH:mm} with optional
 * seconds and fraction, then an optional offset in any of the forms {@code Z}, {@code +00}, {@code +0000},
 * {@code +00:00} ({@code 2024-01-26T15:14:53.000+0000}, {@code 2024-01-26 15:14:53.0}, {@code 2024-01-26T15:14:53Z}).
 * A time without an offset is read in the zone the caller gives. Impossible dates (30 February, hour 24) are
 * refused. Internal.
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().parseLenient().appendOffset("+HH", "Z").parseStrict().optionalEnd()
            .toFormatter()
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private Timestamps() {
    }

    /**
     * Parses a timestamp.
     *
     * @param text the text, or null
     * @param zone the zone of a time written without an offset
     * @return the instant; null when the text is null or blank
     * @throws IllegalArgumentException when present text is not such a timestamp; the message does not quote
     *     it
     */
    public static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.length() > 64) {
            throw new IllegalArgumentException("not a timestamp");
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            Instant fast = common(s, zone);
            if (fast != null) {
                return fast;
            }
            TemporalAccessor t = FORMAT.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a timestamp", e);
        }
    }

    /**
     * The common shapes read digit by digit, because the formatter's optional sections copy its state per
     * section, most of a JSON callback's time parsing: {@code yyyy-MM-ddTHH:mm}, optional {@code :ss} and
     * {@code .} with 1 to 9 digits, then nothing, {@code Z}, or {@code +HH}, {@code +HHMM}, {@code +HH:MM}
     * (or {@code -}) with offset hours below 18. Null for any other text: the formatter then decides, so
     * this never accepts what it would refuse. An impossible date or time (30 February, hour 24, second 60)
     * throws {@link java.time.DateTimeException}, as the formatter's strict resolver refuses it.
     */
    private static Instant common(String s, ZoneId zone) {
        int n = s.length();
        if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        if ((year | month | day | hour | minute) < 0) {
            return null;
        }
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && s.charAt(i) == ':') {
            second = i + 3 <= n ? digits(s, i + 1, 2) : -1;
            if (second < 0) {
                return null;
            }
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int from = ++i;
                while (i < n && i - from < 9 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    nano = nano * 10 + (s.charAt(i) - '0');
                    i++;
                }
                int count = i - from;
                if (count == 0 || i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    return null;
                }
                for (int k = count; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        LocalDateTime local;
        if (i == n) {
            local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return local.atZone(zone).toInstant();
        }
        char c = s.charAt(i);
        ZoneOffset offset;
        if (c == 'Z' && i + 1 == n) {
            offset = ZoneOffset.UTC;
        } else if (c == '+' || c == '-') {
            int rest = n - i - 1;
            int oh = rest >= 2 ? digits(s, i + 1, 2) : -1;
            int om;
            if (rest == 2) {
                om = 0;
            } else if (rest == 4) {
                om = digits(s, i + 3, 2);
            } else if (rest == 5 && s.charAt(i + 3) == ':') {
                om = digits(s, i + 4, 2);
            } else {
                return null;
            }
            if (oh < 0 || oh > 17 || om < 0 || om > 59) {
                return null;
            }
            int seconds = oh * 3600 + om * 60;
            offset = ZoneOffset.ofTotalSeconds(c == '-' ? -seconds : seconds);
        } else {
            return null;
        }
        local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
        return local.toInstant(offset);
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
}
