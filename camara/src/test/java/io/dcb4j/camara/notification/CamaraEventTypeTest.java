package io.dcb4j.camara.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The event type read without a regular expression: the same type for every text as the expression gives. */
class CamaraEventTypeTest {

    /** How the type was read before: the specification's pattern on the stripped, lower-cased text. */
    static final Pattern TYPE = Pattern.compile(
            "org\\.camaraproject\\.carrier-billing(-refund)?\\.v[0-9]{1,3}\\.([a-z-]{1,40})");

    static CamaraEventType byPattern(String raw) {
        if (raw == null) {
            return CamaraEventType.UNKNOWN;
        }
        Matcher m = TYPE.matcher(raw.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return CamaraEventType.UNKNOWN;
        }
        for (CamaraEventType t : CamaraEventType.values()) {
            if (t != CamaraEventType.UNKNOWN && t.isRefund() == (m.group(1) != null)
                    && t.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(m.group(2))) {
                return t;
            }
        }
        return CamaraEventType.UNKNOWN;
    }

    @Test
    void everyTypeOfTheSpecificationIsRead() {
        assertThat(CamaraEventType.of("org.camaraproject.carrier-billing.v0.payment-completed"))
                .isEqualTo(CamaraEventType.PAYMENT_COMPLETED);
        assertThat(CamaraEventType.of(" ORG.CamaraProject.Carrier-Billing-Refund.V12.Refund-In-Bill\n"))
                .isEqualTo(CamaraEventType.REFUND_IN_BILL);
        assertThat(CamaraEventType.of("org.camaraproject.carrier-billing.v1234.payment-completed"))
                .isEqualTo(CamaraEventType.UNKNOWN);
        assertThat(CamaraEventType.of("org.camaraproject.carrier-billing-refund.v0.payment-completed"))
                .isEqualTo(CamaraEventType.UNKNOWN);
        assertThat(CamaraEventType.of(null)).isEqualTo(CamaraEventType.UNKNOWN);
    }

    @Test
    void everyTextGivesTheTypeThePatternGives() {
        List<String> names = new ArrayList<>(List.of("", "x", "payment", "payment-", "refund-in-bil",
                "refund-in-billx", "payment-completed.", "payment_completed", "a".repeat(41)));
        for (CamaraEventType t : CamaraEventType.values()) {
            String name = t.name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            names.add(name.toUpperCase(Locale.ROOT));
            // the dotted capital I and the Kelvin sign are the only characters beyond ASCII that lower-case to
            // ASCII letters
            names.add(name.replace('i', '\u0130'));
            names.add(name.replace('e', '\u212A'));
            names.add(name + " ");
            names.add(name + "\u0000");
        }
        List<String> heads = List.of("org.camaraproject.carrier-billing", "ORG.CAMARAPROJECT.CARRIER-BILLING",
                "org.camaraproject.carrier-billing-refund", "org.camaraproject.carrier-billing-REFUND",
                "org.camaraproject.carrier-billing-refundx", "org.camaraproject.carrier-billin",
                "org.camaraproject.carr\u0130er-billing", " \torg.camaraproject.carrier-billing",
                "xorg.camaraproject.carrier-billing");
        List<String> versions = List.of(".v0.", ".V1.", ".v12.", ".v123.", ".v1234.", ".v.", ".vx.", ".v1", "v1.",
                ".v\u0660.", "..v1.");
        int read = 0;
        for (String head : heads) {
            for (String version : versions) {
                for (String name : names) {
                    String text = head + version + name;
                    assertThat(CamaraEventType.of(text)).as(text).isEqualTo(byPattern(text));
                    read += CamaraEventType.of(text) == CamaraEventType.UNKNOWN ? 0 : 1;
                }
            }
        }
        assertThat(read).isGreaterThan(50);
    }

    @Test
    void onlyTwoCharactersBeyondAsciiLowerCaseToAsciiLetters() {
        // the reader compares ASCII letters without lower-casing the text; this is why that is exact
        List<Character> found = new ArrayList<>();
        for (char c = 0x80; c < 0xFFFF; c++) {
            String lower = String.valueOf(c).toLowerCase(Locale.ROOT);
            if (lower.chars().anyMatch(ch -> ch >= 'a' && ch <= 'z')) {
                found.add(c);
            }
        }
        assertThat(found).containsExactly('\u0130', '\u212A');
    }
}
