package io.dcb4j.core.properties;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.spi.support.Redaction;
import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever a provider sends, its text comes out printable, short, without the MSISDN and without secrets. */
class ProviderTextPropertiesTest {

    private static final Pattern DATE = Pattern.compile("\\d{4}([-.])\\d{2}\\1\\d{2}|\\d{2}([-.])\\d{2}\\2\\d{4}");
    private static final Pattern DECIMAL = Pattern.compile(".*\\d\\.\\d{1,2}$");

    /** An MSISDN of 8 to 15 digits written in groups joined by spaces, dashes, dots or parentheses. */
    @Provide
    Arbitrary<String> formattedNumbers() {
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(8).ofMaxLength(15);
        Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 4).list().ofMinSize(1).ofMaxSize(15);
        Arbitrary<List<String>> seps = Arbitraries.of(" ", "-", ".", ") ", " (", " - ", "\u00A0", ")-")
                .list().ofMinSize(15).ofMaxSize(15);
        Arbitrary<Boolean> plus = Arbitraries.of(true, false);
        return Combinators.combine(digits, cuts, seps, plus).as((d, c, s, p) -> {
            StringBuilder sb = new StringBuilder(p ? "+" : "");
            int at = 0;
            int i = 0;
            while (at < d.length()) {
                int n = Math.min(c.get(i % c.size()), d.length() - at);
                if (at > 0) {
                    sb.append(s.get(i));
                }
                sb.append(d, at, at + n);
                at += n;
                i++;
            }
            return sb.toString();
        });
    }

    @Property
    void aPhoneNumberInAnyShapeIsMasked(@ForAll("formattedNumbers") String number,
            @ForAll @StringLength(max = 20) String before, @ForAll @StringLength(max = 20) String after) {
        Assume.that(!DATE.matcher(number).find() && !DECIMAL.matcher(number).matches());
        String digits = number.replaceAll("\\D", "");
        String text = Redaction.scrubText(before + " " + number + " " + after);
        assertThat(text.replaceAll("[^0-9]", "")).doesNotContain(digits);
        assertThat(text).doesNotContain(number.strip());
    }

    @Property
    void anyTextComesOutPrintableAndShort(@ForAll @StringLength(max = 2000) String raw) {
        String text = Redaction.scrubText(raw);
        assertThat(text.length()).isLessThanOrEqualTo(Redaction.MAX_TEXT);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            assertThat(type).isNotIn((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.LINE_SEPARATOR,
                    (int) Character.PARAGRAPH_SEPARATOR);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
        }
    }

    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-', '_', '/', '+', '=', '.', '!', '@').ofMinLength(4).ofMaxLength(24);
    }

    @Property
    void anEchoedSecretNeverShows(@ForAll("secrets") String secret, @ForAll @StringLength(max = 100) String before,
            @ForAll @StringLength(max = 100) String after) {
        String text = Redaction.providerText(before + secret + after + " again " + secret, List.of(secret));
        assertThat(text).doesNotContain(secret);
    }
}
