package io.dcb4j.eklectic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EklecticMapperTest {

    static final ZoneId TUNIS = ZoneId.of("Africa/Tunis");

    @ParameterizedTest
    @CsvSource({
            "2022-02-10 22:46:07, 2022-02-10T21:46:07Z",
            "2022-02-10+22:46:07, 2022-02-10T21:46:07Z",
            "2022-02-10T22:46:07, 2022-02-10T21:46:07Z",
            "2022-02-10 22:46:07.5, 2022-02-10T21:46:07.5Z",
            "2022-02-10 22:46, 2022-02-10T21:46:00Z",
            "2022-02-16T22:46:07+01:00, 2022-02-16T21:46:07Z",
            "2022-02-16 22:46:07+01:00, 2022-02-16T21:46:07Z",
            "2022-02-16T21:46:07Z, 2022-02-16T21:46:07Z",
            "' 2022-07-01 12:00:00 ', 2022-07-01T11:00:00Z"})
    void readsTheFormsEklecticSends(String raw, String expected) {
        assertThat(EklecticMapper.parseDate(raw, TUNIS)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "null", "0000-00-00 00:00:00", "0000-00-00"})
    void noDateIsNull(String raw) {
        assertThat(EklecticMapper.parseDate(raw, TUNIS)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"YYYY-MM-DD hh:mm:sss", "17/02/2022 15:11:18", "2022-02-30 10:00:00", "tomorrow",
            "2022-02-17 25:00:00"})
    void anythingElseIsRefused(String raw) {
        assertThatThrownBy(() -> EklecticMapper.parseDate(raw, TUNIS)).isInstanceOf(IllegalArgumentException.class);
    }
}
