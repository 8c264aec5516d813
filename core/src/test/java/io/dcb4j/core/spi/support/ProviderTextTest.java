package io.dcb4j.core.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How provider text is cleaned before it reaches a message, a log line or a toString(). */
class ProviderTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "21698765432|2169*****32",
            "+21698765432|+2169*****32",
            "+216 98 765 432|+216 9* *** *32",
            "216-98-765-432|216-9*-***-*32",
            "(216) 98.765.432|(216) 9*.***.*32",
            "+216 (98) 765-432|+216 (9*) ***-*32",
            "98 765 432|98 76* *32",
            "0021698765432|0021*******32",
            "tel:+216.98.765.432;x|tel:+216.9*.***.*32;x",
            "\u0662\u0661\u0666\u0669\u0668\u0667\u0666\u0665\u0664\u0663\u0662|\u0662\u0661\u0666\u0669*****\u0663\u0662",
    })
    void masksPhoneNumbersInEveryShape(String in, String out) {
        assertThat(Redaction.maskPhoneNumbers(in)).isEqualTo(out);
        assertThat(Redaction.scrubText("number " + in + " refused")).isEqualTo("number " + out + " refused");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "amount 10.00 TND",
            "amount 1 000 000.00 TND",
            "amount 1,234,567.89",
            "created 2024-01-26T15:14:53.000+0000",
            "from 2024-01-26 to 2024-02-26",
            "due 26.01.2024 or 2024.01.26",
            "at 15:14:53, code AOC1007, HTTP 503, offer 123",
            "version 1.2.3",
            "1234567",
    })
    void leavesAmountsDatesAndShortNumbersAlone(String text) {
        assertThat(Redaction.scrubText(text)).isEqualTo(text);
    }

    @Test
    void noBreakSpacesJoinDigitGroupsAndBecomeSpaces() {
        assertThat(Redaction.maskPhoneNumbers("216\u00A098\u2007765\u202F432")).isEqualTo("216\u00A09*\u2007***\u202F*32");
        assertThat(Redaction.scrubText("216\u00A098\u2007765\u202F432")).isEqualTo("216 9* *** *32");
    }

    @Test
    void stripsControlAnsiAndBidiCharacters() {
        String hostile = "ok\r\nFAKE LOG LINE\u001b[31mred\u001b[0m\u001b]0;title\u0007\u0085next\u2028line\u2029para"
                + "\u202Eevil\u202C\u2066iso\u2069\u200E\u200F\u061C\u200B\uFEFF\u0000\u007F\u009B1mend\tx";
        String clean = Redaction.scrubText(hostile);
        assertThat(clean).isEqualTo("ok FAKE LOG LINEred next line paraeviliso end x");
        assertThat(clean.chars()).allMatch(c -> c >= 0x20 && c != 0x7F && !(c >= 0x80 && c <= 0x9F)
                && Character.getType(c) != Character.FORMAT && c != 0x2028 && c != 0x2029);
    }

    @Test
    void replacesLoneSurrogatesAndKeepsPairs() {
        assertThat(Redaction.scrubText("a\uD800b \uD83D\uDE00")).isEqualTo("a\uFFFDb \uD83D\uDE00");
    }

    @Test
    void capsLengthWithAMarker() {
        String three = "x".repeat(3 * 1024 * 1024);
        String clean = Redaction.scrubText(three);
        assertThat(clean).hasSize(Redaction.MAX_TEXT).endsWith(Redaction.TRUNCATED).startsWith("xxx");
        assertThat(Redaction.scrubText("y".repeat(Redaction.MAX_TEXT))).isEqualTo("y".repeat(Redaction.MAX_TEXT));
        assertThat(Redaction.scrubText("y".repeat(Redaction.MAX_TEXT + 1))).hasSize(Redaction.MAX_TEXT)
                .endsWith(Redaction.TRUNCATED);
    }

    @Test
    void masksSecretsInEveryFormBeforeAnythingElse() {
        List<String> secrets = List.of("s3cr/et+12345678", "AKIA0000");
        String text = "bad secret s3cr/et+12345678, form s3cr%2Fet%2B12345678, json s3cr\\/et+12345678, key AKIA0000";
        assertThat(Redaction.providerText(text, secrets))
                .isEqualTo("bad secret ***, form ***, json ***, key ***");
    }

    @Test
    void aSecretCutByTheWindowIsNotShownInPart() {
        String secret = "TOPSECRETVALUE42";
        String text = " ".repeat(Redaction.WINDOW - 6) + secret + " tail";
        assertThat(Redaction.providerText(text, List.of(secret))).doesNotContain("TOPSEC").doesNotContain("TOP");
    }

    @Test
    void masksCredentialShapes() {
        String s = Redaction.scrubText("Authorization: Bearer eyJh.bc-d_e {\"client_secret\" : \"a\\\"b\", \"apiKey\":\"k9\","
                + "\"errorCode\":\"E1\"} client_secret=xyz&grant_type=password&password=pw");
        assertThat(s).isEqualTo("Authorization: Bearer *** {\"client_secret\":\"***\", \"apiKey\":\"***\","
                + "\"errorCode\":\"E1\"} client_secret=***&grant_type=password&password=***");
    }

    @Test
    void adversarialInputsStayLinear() {
        // shapes that make backtracking patterns quadratic or worse; each must finish like any other text
        List<String> inputs = List.of(
                "\"" + "token".repeat(800_000),
                "\"p\":\"" + "\\".repeat(3_000_000),
                "1 ".repeat(1_500_000),
                "1-".repeat(1_500_000),
                "a=".repeat(1_500_000),
                "bearer ".repeat(400_000),
                "\u001b[" + "1;".repeat(1_500_000));
        for (String input : inputs) {
            assertThat(Redaction.scrubText(input)).hasSizeLessThanOrEqualTo(Redaction.MAX_TEXT);
            assertThat(Redaction.maskPhoneNumbers(input.substring(0, 200_000))).isNotNull();
        }
    }
}
