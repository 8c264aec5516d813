package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.ProviderText;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider text kept in results (raw states, details, instructions, ids) is cleaned in their toString(). */
class ResultTextTest {

    static final String HOSTILE = "ACTIVE\r\n2024-01-01 INFO forged\u001b[31m \u202Etxt.exe +216 98 765 432 "
            + "z".repeat(5000);

    @Test
    void resultsShowCleanedProviderText() {
        ChargeResult charge = new ChargeResult(ChargeRef.of("tx\r\n1"), ChargeState.PROCESSING, HOSTILE,
                Money.of("10.00", "TND"), new NextAction.Redirect("https://p.example/c?token=abc", null, HOSTILE),
                null, Map.of("note", HOSTILE));
        SubscriptionInfo info = new SubscriptionInfo(SubscriptionRef.of("s\u202E1"), SubscriptionState.ACTIVE, HOSTILE,
                null, null, Map.of());
        for (Object result : new Object[] {charge, info}) {
            String text = result.toString();
            assertThat(text).doesNotContain("\r", "\n", "\u001b", "\u202E", "98 765 432", "z".repeat(400), "abc")
                    .contains("ACTIVE 2024-01-01 INFO forged txt.exe +216 9* *** *32 zzz", "...[truncated]");
            assertThat(text.length()).isLessThan(2000);
        }
        assertThat(charge.toString()).startsWith("ChargeResult[charge=tx 1, state=PROCESSING, rawState=ACTIVE ")
                .contains("amount=10.000 TND", "url=https://p.example/c?token=***");
        assertThat(charge.rawState()).isEqualTo(HOSTILE);
    }

    @Test
    void theHelperCleansLikeTheLibrary() {
        assertThat(ProviderText.clean("call (216) 98.765.432\u2028now")).isEqualTo("call (216) 9*.***.*32 now");
        assertThat(ProviderText.clean(HOSTILE)).hasSize(ProviderText.MAX_LENGTH).endsWith(ProviderText.TRUNCATED);
        assertThat(ProviderText.clean(null)).isNull();
    }
}
