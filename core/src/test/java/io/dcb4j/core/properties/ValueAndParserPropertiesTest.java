package io.dcb4j.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.QueryString;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * For any input only documented exceptions come out, and valid inputs round-trip. Each property has a fixed
 * seed (see {@code junit-platform.properties}); the counterexamples these properties found are plain tests in
 * {@code MsisdnTest} and {@code MoneyTest}.
 */
class ValueAndParserPropertiesTest {

    @Property(seed = "27182801")
    void msisdnAcceptsOrRejectsWithIllegalArgumentOnly(@ForAll @StringLength(max = 40) String raw) {
        try {
            Msisdn m = Msisdn.of(raw);
            assertThat(m.digits()).matches("\\d{8,15}");
            assertThat(Msisdn.of(m.e164())).isEqualTo(m);
            assertThat(m.toString()).doesNotContain(m.digits());
        } catch (IllegalArgumentException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    /** Valid MSISDN digits: 8 to 15, not starting with an international prefix ({@code 00}), not all zeros. */
    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15)
                .filter(d -> !d.startsWith("00") && !d.chars().allMatch(c -> c == '0'));
    }

    @Property(seed = "27182802")
    void validMsisdnsRoundTripThroughAnyFormatting(@ForAll("digits") String digits) {
        String formatted = "+" + digits.substring(0, 3) + " " + digits.substring(3, 5) + "-" + digits.substring(5);
        assertThat(Msisdn.of(formatted).digits()).isEqualTo(digits);
        assertThat(Redaction.scrubText("n=" + digits)).doesNotContain(digits);
    }

    @Property(seed = "27182803")
    void moneyParsesWhatBigDecimalPrintsAndRejectsTheRest(
            @ForAll @BigRange(min = "-1000000", max = "1000000") BigDecimal amount,
            @ForAll @StringLength(max = 12) String junk) {
        Money m = Money.of(amount.toPlainString(), "USD");
        assertThat(m.amount()).isEqualByComparingTo(amount);
        assertThat(m.plus(m).minus(m)).isEqualTo(m);
        try {
            Money.of(junk, "USD");
        } catch (IllegalArgumentException expected) {
            // documented
        }
    }

    @Property(seed = "27182804")
    void queryStringNeverThrowsAndRoundTripsEncodedPairs(@ForAll @StringLength(max = 200) String raw,
            @ForAll @StringLength(min = 1, max = 20) String key, @ForAll @StringLength(max = 40) String value) {
        Map<String, List<String>> any = QueryString.parse(raw);
        assertThat(any).isNotNull();
        String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);
        Map<String, List<String>> parsed = QueryString.parse("x=1&" + encoded);
        if (!key.equals("x")) {
            assertThat(parsed.get(key)).containsExactly(value);
        }
    }

    @Property(seed = "27182805")
    void inboundNotificationAcceptsAnyUri(@ForAll @StringLength(max = 120) String uri,
            @ForAll @IntRange(min = 0, max = 3) int method) {
        InboundNotification n = InboundNotification.builder(List.of("GET", "POST", "PUT", "get").get(method))
                .uri(uri).build();
        assertThat(n.path()).isNotNull();
        assertThat(n.queryParameters()).isNotNull();
    }
}
