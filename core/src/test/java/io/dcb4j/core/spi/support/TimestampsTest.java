package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    static final Instant AT = Instant.parse("2024-01-26T15:14:53Z");

    @Test
    void readsTheOffsetFormsJavaBackEndsEmit() {
        for (String s : new String[] {"2024-01-26T15:14:53.000+0000", "2024-01-26T15:14:53+0000",
                "2024-01-26T15:14:53.000+00:00", "2024-01-26T15:14:53+00:00", "2024-01-26T15:14:53Z",
                "2024-01-26T15:14:53.000Z", "2024-01-26T15:14:53z", "2024-01-26T18:14:53+03", "2024-01-26T18:14:53+0300",
                "2024-01-26T12:14:53.000-03:00", "2024-01-26 15:14:53+00:00", " 2024-01-26T15:14:53Z "}) {
            assertThat(Timestamps.parse(s, ZoneId.of("Asia/Dubai"))).as(s).isEqualTo(AT);
        }
        assertThat(Timestamps.parse("2024-01-26T15:14:53.123456789Z", ZoneOffset.UTC))
                .isEqualTo(AT.plusNanos(123456789));
    }

    @Test
    void aTimeWithoutOffsetIsReadInTheGivenZone() {
        assertThat(Timestamps.parse("2024-01-26T15:14:53", ZoneOffset.UTC)).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-01-26 15:14:53.0", ZoneOffset.UTC)).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-01-26T19:14:53", ZoneId.of("Asia/Dubai"))).isEqualTo(AT);
        assertThat(Timestamps.parse("2024-01-26T15:14", ZoneOffset.UTC)).isEqualTo(AT.minusSeconds(53));
    }

    @Test
    void blankIsNoTimeAndAnythingElseIsRefused() {
        assertThat(Timestamps.parse(null, ZoneOffset.UTC)).isNull();
        assertThat(Timestamps.parse("  ", ZoneOffset.UTC)).isNull();
        for (String bad : new String[] {"yesterday", "2024-02-30T10:00:00Z", "2024-01-26T24:00:00Z",
                "2024-01-26T15:14:53+0000x", "2024-01-2615:14:53", "26-01-2024 15:14", "2024-01-26",
                "2024-01-26T15:14:53+25:00", "2".repeat(65)}) {
            assertThatThrownBy(() -> Timestamps.parse(bad, ZoneOffset.UTC)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("not a timestamp");
        }
    }

    /** The formatter alone, as every timestamp was read before the digit-by-digit reading of common shapes. */
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

    private static String reference(String text, ZoneId zone) {
        String s = text.strip();
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        try {
            TemporalAccessor t = FORMAT.parseBest(s, OffsetDateTime::from, LocalDateTime::from);
            return (t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(zone).toInstant())
                    .toString();
        } catch (DateTimeException e) {
            return "refused";
        }
    }

    private static String parsed(String text, ZoneId zone) {
        try {
            return Timestamps.parse(text, zone).toString();
        } catch (IllegalArgumentException e) {
            return "refused";
        }
    }

    @Test
    void theCommonShapesReadDigitByDigitAsTheFormatterReadsThem() {
        List<String> inputs = List.of("2024-01-26T15:14:53Z", "2024-01-26T15:14:53.1Z", "2024-01-26T15:14:53.12Z",
                "2024-01-26T15:14:53.123456789Z", "2024-01-26T15:14:53.1234567891Z", "2024-01-26T15:14:53.Z",
                "2024-01-26T15:14:53.", "2024-01-26T15:14Z", "2024-01-26T15:14", "2024-01-26T15:14:5",
                "2024-01-26T15:14:53", "2024-01-26 15:14:53.000+0000", "2024-01-26t15:14:53z",
                "2024-01-26T15:14:53+05", "2024-01-26T15:14:53+0530", "2024-01-26T15:14:53+05:30",
                "2024-01-26T15:14:53-05:30", "2024-01-26T15:14:53-00:00", "2024-01-26T15:14:53+17:59",
                "2024-01-26T15:14:53+18:00", "2024-01-26T15:14:53-18:00", "2024-01-26T15:14:53+18:01",
                "2024-01-26T15:14:53+05:3", "2024-01-26T15:14:53+5", "2024-01-26T15:14:53+05:60",
                "2024-01-26T15:14:53+0560", "2024-01-26T15:14:53+05:30:15", "2024-01-26T15:14:53Z+01",
                "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
                "2024-00-10T00:00:00Z", "2024-01-00T00:00:00Z", "2024-01-26T24:00:00Z", "2024-01-26T23:60:00Z",
                "2024-01-26T23:59:60Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
                "+10000-01-01T00:00:00Z", "2024-1-26T15:14:53Z", "2024-01-26X15:14:53Z", "2024-01-26T1514:53Z",
                "2024-03-31T02:30:00", "2024-10-27T02:30:00", "\uff12\uff10\uff12\uff14-01-26T15:14:53Z",
                "2024-01-26T15:14:53+\u0660\u0665:00");
        for (ZoneId zone : List.of(ZoneOffset.UTC, ZoneId.of("Europe/Paris"), ZoneId.of("Asia/Dubai"))) {
            for (String s : inputs) {
                assertThat(parsed(s, zone)).as(s + " in " + zone).isEqualTo(reference(s, zone));
            }
        }
    }
}
