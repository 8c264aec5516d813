package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
}
