package io.dcb4j.core.spi.support;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
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
            TemporalAccessor t = FORMAT.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a timestamp", e);
        }
    }
}
