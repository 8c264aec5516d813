package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MsisdnTest {

    @ParameterizedTest
    @ValueSource(strings = {"21612345678", "+21612345678", "+216 12 345 678", "216-12-345-678", " 0021612345678 ",
            "+216 (12) 345.678"})
    void normalisesFormattingAway(String raw) {
        Msisdn m = Msisdn.of(raw);
        assertThat(m.digits()).isEqualTo("21612345678");
        assertThat(m.e164()).isEqualTo("+21612345678");
        assertThat(m).isEqualTo(Msisdn.of("21612345678")).hasSameHashCodeAs(Msisdn.of("21612345678"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567", "1234567890123456", "2161234567a", "+", "216 12 345 678 x", "++21612345678"})
    void rejectsWhatIsNotEightToFifteenDigits(String raw) {
        assertThatThrownBy(() -> Msisdn.of(raw)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (raw.length() > 6) {
                        assertThat(e.getMessage()).doesNotContain(raw.strip());
                    }
                });
        assertThat(Msisdn.isValid(raw)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Msisdn.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTheBounds() {
        assertThat(Msisdn.of("12345678").digits()).hasSize(8);
        assertThat(Msisdn.of("123456789012345").digits()).hasSize(15);
    }

    @Test
    void toStringMasksTheMiddle() {
        Msisdn m = Msisdn.of("21612345678");
        assertThat(m.toString()).isEqualTo("2161*****78").doesNotContain("12345");
        assertThat(m.masked()).isEqualTo("2161*****78");
        assertThat(Msisdn.of("12345678").toString()).isEqualTo("1234**78");
        assertThat(Msisdn.mask("12345")).isEqualTo("*****");
    }

    @Test
    void requestsAndResultsNeverPrintAFullMsisdnOrACredentialParameter() {
        SubscribeRequest req = SubscribeRequest.builder(Msisdn.of("21612345678"), OfferId.of(1))
                .param("phone", "27821234567").param("password", "pw-123").build();
        ChargeRequest charge = ChargeRequest.builder(Money.of("1", "ZAR")).param("phone", "27821234567").build();
        ChargeResult result = new ChargeResult(ChargeRef.of("c1"), ChargeState.SUCCEEDED, "OK", null, null, null,
                java.util.Map.of("msisdn", "+8801712345678"));
        for (Object o : java.util.List.of(req, charge, result)) {
            assertThat(o.toString()).doesNotContain("21612345678").doesNotContain("27821234567")
                    .doesNotContain("8801712345678").doesNotContain("pw-123");
        }
        assertThat(req.params()).containsEntry("phone", "27821234567").hasSize(2);
        assertThat(req.params()).isEqualTo(java.util.Map.of("phone", "27821234567", "password", "pw-123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+0021698765432", "+00 216 98 765 432", "0021698765432", "00 216-98-765-432",
            "0 0216 98765432"})
    void aLeadingInternationalPrefixIsStrippedAlsoAfterAPlus(String raw) {
        Msisdn m = Msisdn.of(raw);
        assertThat(m.digits()).isEqualTo("21698765432");
        assertThat(m.e164()).isEqualTo("+21698765432");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "+0000000000", "00000000000000", "+00 0000 0000", "0 000 000 000",
            "+00000021698765432", "0000 21698765432"})
    void allZerosAndASecondInternationalPrefixAreRefused(String raw) {
        assertThatThrownBy(() -> Msisdn.of(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("21698765432");
        assertThat(Msisdn.isValid(raw)).isFalse();
    }

    @Test
    void theE164LengthRulesHoldAfterThePrefixIsStripped() {
        assertThat(Msisdn.of("+00123456789012345").digits()).isEqualTo("123456789012345");
        assertThatThrownBy(() -> Msisdn.of("+001234567890123456")).hasMessageContaining("8 to 15 digits, got 16");
        assertThatThrownBy(() -> Msisdn.of("001234567")).hasMessageContaining("got 7");
        // a national number with one leading 0 stays as given, and round-trips through e164()
        Msisdn national = Msisdn.of("01712345678");
        assertThat(national.digits()).isEqualTo("01712345678");
        assertThat(Msisdn.of(national.e164())).isEqualTo(national);
    }

    @Test
    void isValidAgreesWithOfOnEveryShapeOfInput() {
        // separators, prefixes, white space (also outside ASCII), zeros and stray characters in every position
        String alphabet = "0000123456789 +-.()x\t\u00a0\u2003";
        java.util.Random random = new java.util.Random(20);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(22);
            for (int k = 0; k < length; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String raw = sb.toString();
            String expected = reference(raw);
            String actual;
            try {
                actual = Msisdn.of(raw).digits();
            } catch (IllegalArgumentException e) {
                actual = "error: " + e.getMessage();
            }
            assertThat(actual).as(raw).isEqualTo(expected);
            assertThat(Msisdn.isValid(raw)).as(raw).isEqualTo(!expected.startsWith("error: "));
        }
    }

    /** The rules as first written, character by character: what of() and isValid() must agree with. */
    private static String reference(String raw) {
        StringBuilder sb = new StringBuilder(raw.length());
        String s = raw.strip();
        if (s.startsWith("+")) {
            s = s.substring(1);
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
                return "error: MSISDN may contain only digits, '+', spaces and dashes";
            }
        }
        if (sb.length() >= 2 && sb.charAt(0) == '0' && sb.charAt(1) == '0') {
            sb.delete(0, 2);
            if (sb.length() >= 2 && sb.charAt(0) == '0' && sb.charAt(1) == '0') {
                return "error: MSISDN has more than one international prefix (00)";
            }
        }
        int n = sb.length();
        if (n < 8 || n > 15) {
            return "error: MSISDN must have 8 to 15 digits, got " + n;
        }
        if (sb.chars().allMatch(c -> c == '0')) {
            return "error: MSISDN must not be all zeros";
        }
        return sb.toString();
    }
}
