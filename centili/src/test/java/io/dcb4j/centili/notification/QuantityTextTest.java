package io.dcb4j.centili.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.notification.InboundNotification;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The quantity is read without a regular expression; it accepts exactly what the expression accepted. */
class QuantityTextTest {

    private static final Pattern QUANTITY = Pattern.compile("\\d{1,18}(\\.\\d{0,18})?");

    @Test
    void acceptsWhatThePatternAccepts() {
        List<String> inputs = List.of("0", "1", "5.0", "1.5", "5.", "007", "123456789012345678",
                "1234567890123456789", "1.123456789012345678", "1.1234567890123456789", "123456789012345678.5",
                "", ".", ".5", "-1", "+1", "1e3", "1E+3", "1,5", " 1", "1 ", "1..2", "1.2.3", "\u0661", "\uff11",
                "12a", "0x10", "NaN");
        for (String s : inputs) {
            assertThat(CentiliNotificationParser.isQuantity(s)).as(s).isEqualTo(QUANTITY.matcher(s).matches());
        }
    }

    @Test
    void theParametersKeepTheOrderTheyArrivedIn() {
        PaymentNotification p = CentiliNotificationParser.builder().sharedSecret("s3").build().parsePayment(
                InboundNotification.get("/c?transactionid=tx-1&status=success&amount=2&secret=s3&phone=381641234567"));
        assertThat(p.parameters()).containsExactly(Map.entry("transactionid", "tx-1"), Map.entry("status", "success"),
                Map.entry("amount", "2"), Map.entry("phone", "381641234567"));
        assertThat(CentiliNotificationParser.create().parse(InboundNotification.get(
                "/c?transactionid=tx-1&status=success&transactiontype=RENEW")).eventId())
                .isEqualTo("centili:tx-1:renew:success");
    }
}
