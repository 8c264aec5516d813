package io.dcb4j.camara.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.spi.support.Timestamps;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 3339 dates read digit by digit in their common form and written as {@link Instant#toString()} does: the
 * same instants and the same refusals as the general reader and the JDK's formatter.
 */
class CamaraMapperDatesTest {

    static final ErrorContext CONTEXT = ErrorContext.of("camara", "test");

    /** What {@link CamaraMapper#date} did before its common form was read by hand. */
    static Instant general(String text) {
        String s = CamaraMapper.text(text);
        char last = s.charAt(s.length() - 1);
        boolean offset = last == 'Z' || last == 'z' || s.lastIndexOf('+') > 10 || s.lastIndexOf('-') > 10;
        if (!offset) {
            throw new IllegalArgumentException("no offset");
        }
        return Timestamps.parse(s, ZoneOffset.UTC);
    }

    /** The outcome as text: the instant, or the refusal. */
    static String outcome(java.util.function.Supplier<Instant> read) {
        try {
            return String.valueOf(read.get());
        } catch (IllegalArgumentException | DcbProtocolException e) {
            return "refused";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-03T12:27:08.312Z", "2023-11-03T12:27:10Z", "2024-02-29T23:59:59Z",
        "2023-11-03T12:27:10+01:00", "2023-11-03T12:27:10-05:30", "2023-11-03T12:27:10.5+17:59",
        "2023-11-03T12:27:10.123456789-00:00", "1969-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z"})
    void theCommonFormIsReadAsTheGeneralReaderReadsIt(String text) {
        assertThat(CamaraMapper.commonDate(text)).isNotNull().isEqualTo(general(text));
        assertThat(CamaraMapper.date("time", text, CONTEXT)).isEqualTo(general(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-11-03t12:27:10Z", "2023-11-03T12:27:10z", "2023-11-03 12:27:10Z",
        "2023-11-03T12:27Z", "2023-11-03T12:27:10+0100", "2023-11-03T12:27:10+01", "2023-11-03T12:27:10.Z",
        "2023-11-03T12:27:10.1234567891Z", "2023-11-03T12:27:10+18:00"})
    void otherFormsAreLeftToTheGeneralReader(String text) {
        assertThat(CamaraMapper.commonDate(text)).isNull();
        assertThat(outcome(() -> CamaraMapper.date("time", text, CONTEXT))).isEqualTo(outcome(() -> general(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2023-04-31T00:00:00Z",
        "2023-13-01T00:00:00Z", "2023-00-01T00:00:00Z", "2023-01-00T00:00:00Z", "2023-01-01T24:00:00Z",
        "2023-01-01T23:60:00Z", "2023-12-31T23:59:60Z", "2023-01-01T00:00:00+01:60", "2023-01-01T00:00:00",
        "2023-01-01T00:00:0xZ", "2023-01-01T00:00:00.12a4Z", "2023-01-01T00:00:00+01:0a", "+2023-01-01T00:00Z"})
    void impossibleDatesAndTimesAreStillRefused(String text) {
        assertThat(CamaraMapper.commonDate(text)).isNull();
        assertThatThrownBy(() -> CamaraMapper.date("data.paymentDate", text, CONTEXT))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("data.paymentDate")
                .hasMessageNotContaining(text);
    }

    @Test
    void everyCombinationOfPartsIsReadOrRefusedAsTheGeneralReaderDoes() {
        List<String> texts = new ArrayList<>();
        for (String date : List.of("0000-01-01", "1970-01-01", "2000-02-29", "2023-02-29", "2024-02-29",
                "2024-02-30", "2024-04-31", "2024-12-31", "2024-13-01", "9999-12-31")) {
            for (String time : List.of("00:00:00", "23:59:59", "24:00:00", "12:60:00", "12:00:60", "12:00")) {
                for (String fraction : List.of("", ".", ".5", ".123456789", ".1234567890")) {
                    for (String offset : List.of("Z", "z", "+00:00", "-00:00", "+05:30", "-12:00", "+17:59",
                            "+18:00", "+1800", "+05", "")) {
                        texts.add(date + "T" + time + fraction + offset);
                    }
                }
            }
        }
        for (String text : texts) {
            Instant common = CamaraMapper.commonDate(text);
            String expected = outcome(() -> general(text));
            if (common != null) {
                assertThat(common.toString()).as(text).isEqualTo(expected);
            }
            assertThat(outcome(() -> CamaraMapper.date("time", text, CONTEXT))).as(text).isEqualTo(expected);
        }
    }

    @Test
    void instantsAreWrittenAsInstantToStringWritesThem() {
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.ofEpochSecond(0, 1),
                Instant.ofEpochSecond(-1, 999_999_999), Instant.parse("2023-11-03T12:27:08.312Z"),
                Instant.parse("2023-11-03T12:27:00Z"), Instant.parse("2024-02-29T00:00:00.000100Z"),
                Instant.parse("2024-02-29T00:00:00.000000100Z"), Instant.parse("2024-02-29T00:00:00.120Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59Z").plusSeconds(1),
                Instant.MIN, Instant.MAX));
        Random random = new Random(20_240_514L);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond() - 86_400;
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond() + 86_400;
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first));
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nanos));
        }
        for (Instant instant : instants) {
            assertThat(CamaraMapper.rfc3339(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void aDateReadIsWrittenBackAsInstantToStringWritesIt() {
        // the text itself where it is written so already, else the instant written
        for (String text : List.of("2023-11-03T12:27:10Z", "2023-11-03T12:27:10.312Z", "2023-11-03T12:27:10.000312Z",
                "2023-11-03T12:27:10.000000312Z", "2023-11-03T12:27:10.000Z", "2023-11-03T12:27:10.310000Z",
                "2023-11-03T12:27:10.3Z", "2023-11-03T12:27:10.31Z", "2023-11-03T12:27:10.3100Z",
                "2023-11-03T12:27:10.312000000Z", "2023-11-03T12:27:10+00:00", "2023-11-03T13:27:10.5+01:00",
                "2023-11-03t12:27:10z", "2023-11-03 12:27:10Z", "2023-11-03T12:27Z", "0000-01-01T00:00:00.999Z",
                "9999-12-31T23:59:59.999999999Z")) {
            Instant instant = CamaraMapper.date("time", text, CONTEXT);
            assertThat(CamaraMapper.rfc3339(instant, text)).as(text).isEqualTo(instant.toString());
        }
        assertThat(CamaraMapper.rfc3339(Instant.EPOCH, null)).isEqualTo("1970-01-01T00:00:00Z");
    }
}
