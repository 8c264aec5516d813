package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoSecretsLoggedTest extends InfomediaTestSupport {

    static final String PIN = "482913";

    @Test
    void noApiKeyPasswordUsernamePinOrFullMsisdnReachesLogsMessagesOrToString() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-no-free-period.json"))));
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(
                "{\"status\":\"Failure\",\"description\":\"05 - User 971500000000 is not subscribed\"}")));
        List<String> texts = new ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.start(); InfomediaClient client = client()) {
            BillingProvider p = client;
            PinChallenge c = p.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.builder(
                    Msisdn.of(MSISDN), OfferId.of(8000000)).price(Money.of("0.10", "AED")).build());
            SubscriptionResult r = p.pinSubscriptions().orElseThrow().confirmPin(c, PIN);
            JoinResult typed = client.join(SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000).build(), PIN);
            Throwable cancel = catchThrowable(() -> p.cancellations().orElseThrow()
                    .cancel(SubscriptionRef.of("8000000", Msisdn.of(MSISDN))));
            assertThat(cancel).isNotNull();
            InfomediaNotificationParser parser = InfomediaNotificationParser.builder()
                    .sharedSecret("secret", "hook-" + PASSWORD).build();
            BillingEvent e = parser.parse(InboundNotification.get("/n?msisdn=" + MSISDN
                    + "&etid=5&chargeAmount=1&transactionStatus=AA&secret=hook-" + PASSWORD));
            Throwable rejected = catchThrowable(() -> parser.parse(InboundNotification.get("/n?msisdn=" + MSISDN
                    + "&etid=1&secret=wrong-" + PASSWORD)));
            texts.add(String.valueOf(c));
            texts.add(String.valueOf(r));
            texts.add(String.valueOf(typed));
            texts.add(String.valueOf(cancel.getMessage()));
            texts.add(String.valueOf(rejected.getMessage()));
            texts.add(String.valueOf(e));
            texts.add(String.valueOf(parser.parseWebhook(InboundNotification.get("/n?msisdn=" + MSISDN
                    + "&etid=2&secret=hook-" + PASSWORD))));
            texts.add(client.toString());
            texts.add(parser.toString());
            logs = capture.text();
        }
        assertThat(logs).contains("PINGenerateWithParams").contains("SubscriptionJoinWithParams")
                .contains("SubscriptionUnsubscribe");
        texts.add(logs);
        for (String text : texts) {
            assertThat(text).doesNotContain(API_KEY).doesNotContain(PASSWORD).doesNotContain(USERNAME)
                    .doesNotContain(PIN).doesNotContain(MSISDN);
        }
    }

    @Test
    void aRefusalAnsweredWith200NeverRepeatsThePinOrTheCredentials() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("{\"status\":\"Failure\","
                + "\"description\":\"09 - PIN " + PIN + " invalid for user " + USERNAME + " / " + PASSWORD + " key "
                + API_KEY + "\"}")));
        try (InfomediaClient client = client()) {
            Throwable t = catchThrowable(() -> client.join(SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000)
                    .build(), PIN));
            assertThat(t).isInstanceOf(io.dcb4j.core.error.DcbApiException.class);
            assertThat(t.getMessage()).contains("09").doesNotContain(PIN).doesNotContain(PASSWORD)
                    .doesNotContain(API_KEY);
            assertThat(((io.dcb4j.core.error.DcbApiException) t).providerMessage().orElseThrow())
                    .doesNotContain(PIN).doesNotContain(PASSWORD);
        }
    }
}
