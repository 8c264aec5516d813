package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Hostile amounts and repeated keys from Infomedia, and the amounts a merchant may ask for. */
class NumbersAndJsonTest extends InfomediaTestSupport {

    static SubscriptionRequest request() {
        return SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L).amount("0.10").build();
    }

    @Test
    void aChargeConfirmationGivenTwiceWithDifferentStatusesIsAmbiguous() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("{\"status\":\"Success\","
                + "\"description\":\"00 - User is subscribed\",\"sid\":\"8000000\",\"txid\":\"tx-2\","
                + "\"conf\":{\"status\":\"Success\",\"description\":\"00 - OK\",\"status\":\"Failure\"}}")));
        try (InfomediaClient client = client()) {
            assertThatThrownBy(() -> client.join(request(), "4821")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("ambiguous").hasMessageContaining("'status'")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("join"));
        }
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("{\"status\":\"Success\","
                + "\"description\":\"00 - User is subscribed\",\"sid\":\"8000000\",\"txid\":\"tx-2\","
                + "\"conf\":{\"status\":\"Success\",\"description\":\"00 - OK\",\"status\":\"Success\"}}")));
        try (InfomediaClient client = client()) {
            assertThat(client.join(request(), "4821").outcome()).isEqualTo(JoinOutcome.CHARGED);
        }
    }

    @Test
    void aWebhookChargeAmountWithAHugeExponentIsRefused() {
        InfomediaNotificationParser parser = InfomediaNotificationParser.create();
        String base = "/cb?msisdn=971500000000&mcc=424&mnc=2&productid=92000000&etid=5&currencyCode=AED"
                + "&transactionStatus=00&success=1&chargeAmount=";
        for (String amount : new String[] {"1e999999999", "1E%2B999999999", "-1e-999999999"}) {
            assertThatThrownBy(() -> parser.parse(InboundNotification.get(base + amount))).as(amount)
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessageStartingWith("webhook chargeAmount is out of range");
        }
        assertThat(parser.parse(InboundNotification.get(base + "20")).amount()).contains(Money.of("20", "AED"));
    }

    @Test
    void theAdvertisedAmountMustBePositiveAndBounded() {
        for (String bad : new String[] {"-10", "0"}) {
            assertThatThrownBy(() -> SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L).amount(bad).build())
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("amount must be greater than zero");
        }
        assertThatThrownBy(() -> SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L).amount("1e999999999"))
                .isInstanceOf(NumberFormatException.class).hasMessageStartingWith("is out of range");
        assertThatThrownBy(() -> SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L)
                .amount(new BigDecimal("1e999999999")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("amount is out of range");
        assertThat(request().amount()).isEqualByComparingTo("0.10");
    }
}
