package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.infomedia.model.CancellationResult;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.StatusDescription;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.infomedia.model.UnsubscribeRequest;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class InfomediaClientTest extends InfomediaTestSupport {

    static SubscriptionRequest documentTypedRequest() {
        return SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L).amount("0.10").frequency("day")
                .language("en").description("Service Name").build();
    }

    @Test
    void generatePinSendsTheDocumentedBodyAndHeaders() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        try (InfomediaClient client = client()) {
            PinResult r = client.generatePin(documentTypedRequest());
            assertThat(r.status()).isEqualTo("Success");
            assertThat(r.description().code()).isEqualTo("00");
            assertThat(r.description().text()).isEqualTo("Everything was OK");
            assertThat(r.description().raw()).isEqualTo("00 - Everything was OK");
            assertThat(r.pinId()).isNull();
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams"))
                .withHeader("X-Infomedia-Api-Key", equalTo(API_KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("User-Agent", matching("dcb4j/.+"))
                .withRequestBody(equalToJson(documentRequest())));
    }

    @Test
    void generatePinKeepsANonEmptyPinId() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(
                "{\"status\":\"Success\",\"description\":\"00 - Everything was OK\",\"pinId\":\"p-42\"}")));
        try (InfomediaClient client = client()) {
            assertThat(client.generatePin(documentTypedRequest()).pinId()).isEqualTo("p-42");
        }
    }

    @Test
    void joinFreePeriod() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-free-period.json"))));
        try (InfomediaClient client = client()) {
            JoinResult r = client.join(documentTypedRequest(), "4821");
            assertThat(r.status()).isEqualTo("Success");
            assertThat(r.description()).isEqualTo(new StatusDescription("00", "User is subscribed",
                    "00 - User is subscribed"));
            assertThat(r.sid()).isEqualTo("8000000");
            assertThat(r.msisdn()).isEqualTo(Msisdn.of(MSISDN));
            assertThat(r.mcc()).isEqualTo("424");
            assertThat(r.mnc()).isEqualTo("2");
            assertThat(r.subscribed()).isTrue();
            assertThat(r.suspended()).isFalse();
            assertThat(r.txid()).isNull();
            assertThat(r.confirmation()).isNull();
            assertThat(r.outcome()).isEqualTo(JoinOutcome.FREE_PERIOD);
            assertThat(r.charged()).isFalse();
            assertThat(r.reactivated()).isFalse();
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams"))
                .withHeader("X-Infomedia-Api-Key", equalTo(API_KEY))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(documentRequestWithPin("pin", "4821"))));
    }

    @Test
    void joinChargedImmediately() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-no-free-period.json"))));
        try (InfomediaClient client = client()) {
            JoinResult r = client.join(documentTypedRequest(), "4821");
            assertThat(r.outcome()).isEqualTo(JoinOutcome.CHARGED);
            assertThat(r.charged()).isTrue();
            assertThat(r.txid()).isEqualTo("6c6a7971-1957-4b3b-bcfa-d0d11231ba51");
            assertThat(r.confirmation()).isNotNull();
            assertThat(r.confirmation().status()).isEqualTo("Success");
            assertThat(r.confirmation().isSuccess()).isTrue();
            assertThat(r.confirmation().description().code()).isEqualTo("00");
            assertThat(r.confirmation().description().text()).isEqualTo("Payment has been made");
            assertThat(r.confirmation().portedMcc()).isNull();
            assertThat(r.confirmation().portedMnc()).isNull();
            assertThat(r.sid()).isEqualTo("8000000");
            assertThat(r.subscribed()).isTrue();
            assertThat(r.suspended()).isFalse();
            assertThat(r.mnc()).isEqualTo("2");
        }
    }

    @Test
    void joinReactivated() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-reactivation.json"))));
        try (InfomediaClient client = client()) {
            JoinResult r = client.join(documentTypedRequest(), "4821");
            assertThat(r.outcome()).isEqualTo(JoinOutcome.REACTIVATED);
            assertThat(r.reactivated()).isTrue();
            assertThat(r.charged()).isFalse();
            assertThat(r.description().code()).isEqualTo("23");
            assertThat(r.description().text()).isEqualTo("User has been reactivated");
            assertThat(r.txid()).isNull();
            assertThat(r.confirmation()).isNull();
            assertThat(r.subscribed()).isTrue();
        }
    }

    @Test
    void joinWithTxidButNoConfirmationIsPendingAndAFailedConfirmationIsAFailedCharge() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("""
                {"status":"success","description":"00 - User is subscribed","sid":"","mx":"971500000000",
                 "mcc":424,"mnc":2,"user":{"subscribed":"true","suspended":"FALSE"},"txid":"tx-1","conf":null}""")));
        try (InfomediaClient client = client()) {
            JoinResult r = client.join(documentTypedRequest(), "4821");
            assertThat(r.outcome()).isEqualTo(JoinOutcome.CHARGE_PENDING);
            assertThat(r.sid()).isNull();
            assertThat(r.mcc()).isEqualTo("424");
            assertThat(r.mnc()).isEqualTo("2");
            assertThat(r.subscribed()).isTrue();
            assertThat(r.suspended()).isFalse();
        }
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("""
                {"status":"Success","description":"00 - User is subscribed","sid":"8000000",
                 "user":{"subscribed":"True","suspended":"True"},"txid":"tx-2",
                 "conf":{"status":"Failure","description":"AA - Insufficient credit","portedMcc":"424","portedMnc":"03"}}""")));
        try (InfomediaClient client = client()) {
            JoinResult r = client.join(documentTypedRequest(), "4821");
            assertThat(r.outcome()).isEqualTo(JoinOutcome.CHARGE_FAILED);
            assertThat(r.suspended()).isTrue();
            assertThat(r.msisdn()).isNull();
            assertThat(r.confirmation().isSuccess()).isFalse();
            assertThat(r.confirmation().description().code()).isEqualTo("AA");
            assertThat(r.confirmation().portedMcc()).isEqualTo("424");
            assertThat(r.confirmation().portedMnc()).isEqualTo("03");
        }
    }

    @Test
    void unsubscribeSendsSidMsisdnNetworkAndCredentials() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(resource("unsubscribe-response.json"))));
        try (InfomediaClient client = client()) {
            CancellationResult r = client.unsubscribe("8000000", Msisdn.of("+971 50 000 0000"));
            assertThat(r.status()).isEqualTo("Success");
            assertThat(r.description().code()).isEqualTo("00");
            assertThat(r.description().text()).isEqualTo("User has been unsubscribed");
            assertThat(r.sid()).isNull();
            assertThat(r.msisdn()).isEqualTo(Msisdn.of(MSISDN));
            assertThat(r.mcc()).isEqualTo("424");
            assertThat(r.mnc()).isEqualTo("2");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionUnsubscribe"))
                .withHeader("X-Infomedia-Api-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson("{\"sid\":\"8000000\",\"mx\":\"971500000000\",\"mcc\":\"424\","
                        + "\"mnc\":\"02\",\"u\":\"" + USERNAME + "\",\"p\":\"" + PASSWORD + "\"}")));
    }

    @Test
    void unsubscribeOnAnotherNetwork() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(resource("unsubscribe-response.json"))));
        try (InfomediaClient client = client()) {
            client.unsubscribe(new UnsubscribeRequest("77", Msisdn.of(MSISDN), "424", "03"));
        }
        wm.verify(postRequestedFor(urlEqualTo("/dcb/SubscriptionUnsubscribe")).withRequestBody(equalToJson(
                "{\"sid\":\"77\",\"mx\":\"971500000000\",\"mcc\":\"424\",\"mnc\":\"03\",\"u\":\"" + USERNAME
                        + "\",\"p\":\"" + PASSWORD + "\"}")));
    }

    @Test
    void extraParamsFollowTheTypedOnesAndTheNetworkCanBeOverridden() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        SubscriptionRequest request = SubscriptionRequest.builder(Msisdn.of(MSISDN), 8000000L).mcc("424").mnc("03")
                .amount(new BigDecimal("5.00")).language("ar").param("channel", "web").param("campaign", "c-9")
                .build();
        try (InfomediaClient client = clientBuilder().mcc("425").mnc("01").build()) {
            client.generatePin(request);
            client.generatePin(SubscriptionRequest.builder(Msisdn.of(MSISDN), 1L).build());
        }
        wm.verify(postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams")).withRequestBody(equalToJson("""
                {"mx":"971500000000","mcc":"424","mnc":"03","productId":8000000,"u":"%s","p":"%s",
                 "params":[{"key":"amount","value":"5.00"},{"key":"language","value":"ar"},
                           {"key":"channel","value":"web"},{"key":"campaign","value":"c-9"}]}"""
                .formatted(USERNAME, PASSWORD))));
        wm.verify(postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams")).withRequestBody(equalToJson("""
                {"mx":"971500000000","mcc":"425","mnc":"01","productId":1,"u":"%s","p":"%s","params":[]}"""
                .formatted(USERNAME, PASSWORD))));
    }

    @Test
    void thePinFieldNameIsConfigurable() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-free-period.json"))));
        try (InfomediaClient client = clientBuilder().pinField("otp").build()) {
            client.join(documentTypedRequest(), " 1234 ");
        }
        wm.verify(postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams"))
                .withRequestBody(equalToJson(documentRequestWithPin("otp", "1234"))));
    }

    @Test
    void aBlankPinIsRefusedBeforeAnyCall() {
        try (InfomediaClient client = client()) {
            assertThatThrownBy(() -> client.join(documentTypedRequest(), " "))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void unreadableAnswersAreProtocolErrors() {
        try (InfomediaClient client = client()) {
            wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(aResponse().withStatus(200)
                    .withBody("<html>maintenance</html>")));
            assertThatThrownBy(() -> client.join(documentTypedRequest(), "1234"))
                    .isInstanceOf(DcbProtocolException.class)
                    .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
            wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson("{\"sid\":\"1\"}")));
            assertThatThrownBy(() -> client.join(documentTypedRequest(), "1234"))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("neither status nor description");
            wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                    "{\"status\":\"Success\",\"description\":\"00 - User is subscribed\",\"user\":{\"subscribed\":\"Maybe\"}}")));
            assertThatThrownBy(() -> client.join(documentTypedRequest(), "1234"))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("user.subscribed");
            wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(aResponse().withStatus(200)));
            assertThatThrownBy(() -> client.unsubscribe("1", Msisdn.of(MSISDN)))
                    .isInstanceOf(DcbProtocolException.class);
        }
    }

    @Test
    void aResetConnectionOnAWriteIsNotRetried() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (InfomediaClient client = client()) {
            assertThatThrownBy(() -> client.join(documentTypedRequest(), "1234"))
                    .isInstanceOf(DcbTransportException.class)
                    .satisfies(e -> assertThat(((DcbTransportException) e).operation()).isEqualTo("join"));
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams")));
    }

    @Test
    void builderInputIsValidatedNamingTheKey() {
        assertThatThrownBy(() -> InfomediaClient.builder().username("u").password("p").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'api-key'");
        assertThatThrownBy(() -> InfomediaClient.builder().apiKey("k").password("p").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'username'");
        assertThatThrownBy(() -> InfomediaClient.builder().apiKey("k").username("u").password(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'password'");
        assertThatThrownBy(() -> clientBuilder().mcc("42x").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'mcc'");
        assertThatThrownBy(() -> clientBuilder().mnc("").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'mnc'");
        assertThatThrownBy(() -> clientBuilder().pinField("p").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'pin-field'");
        assertThatThrownBy(() -> clientBuilder().pinField("a b").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'pin-field'");
        assertThatThrownBy(() -> clientBuilder().options(ClientOptions.defaults()).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> clientBuilder().baseUrl("not a url").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        try (InfomediaClient client = InfomediaClient.builder().apiKey(API_KEY).username(USERNAME).password(PASSWORD)
                .build()) {
            assertThat(client.toString()).contains(InfomediaClient.DEFAULT_BASE_URL).doesNotContain(API_KEY)
                    .doesNotContain(PASSWORD).doesNotContain(USERNAME);
        }
    }

    @Test
    void theBuildersNotificationSettingsConfigureTheWebhookParser() {
        try (InfomediaClient client = clientBuilder().notificationSecret("hook-secret-9")
                .notificationSecretParameter("key").notificationAllowedSources("203.0.113.7", "203.0.113.8")
                .currency(Currency.getInstance("EUR")).build()) {
            BillingEvent e = client.notificationParser().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&chargeAmount=2&transactionStatus=00&key=hook-secret-9")
                    .remoteAddress("203.0.113.8").build());
            assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(e.amount()).hasValue(Money.of("2", "EUR"));
            assertThat(e.rawParameters()).doesNotContainKey("key");
            assertThatThrownBy(() -> client.notificationParser().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&key=hook-secret-9").remoteAddress("198.51.100.1").build()))
                    .isInstanceOf(NotificationRejectedException.class);
            // the secret travels in the configured parameter only
            assertThatThrownBy(() -> client.notificationParser().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&secret=hook-secret-9").remoteAddress("203.0.113.7").build()))
                    .isInstanceOf(NotificationRejectedException.class);
            assertThat(client.notifications()).containsSame(client.notificationParser());
        }
        try (InfomediaClient client = clientBuilder().notificationSecret("hook-secret-9").build()) {
            assertThat(client.notificationParser().parse(InboundNotification.get(
                    "/n?msisdn=971500000000&etid=2&secret=hook-secret-9")).type())
                    .isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
            assertThatThrownBy(() -> client.notificationParser().parse(InboundNotification.get(
                    "/n?msisdn=971500000000&etid=2"))).isInstanceOf(NotificationRejectedException.class);
        }
        try (InfomediaClient client = client()) {
            assertThat(client.notificationParser().parse(InboundNotification.get(
                    "/n?msisdn=971500000000&etid=5&chargeAmount=2&transactionStatus=00")).amount())
                    .hasValue(Money.of("2", "AED"));
        }
    }

    @Test
    void notificationSettingsFailClosed() {
        for (String blank : new String[] {"", " ", " , "}) {
            assertThatThrownBy(() -> clientBuilder().notificationSecretParameter(blank))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-secret-parameter'");
            assertThatThrownBy(() -> clientBuilder().notificationAllowedSources(blank))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-allowed-sources'");
        }
        // a secret of nothing but commas is blank too: refused when the client is built
        assertThatThrownBy(() -> clientBuilder().notificationSecret(" , ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        assertThatThrownBy(() -> clientBuilder().notificationSecret(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        // a parameter name without the secret is a mistake, not an "off"
        assertThatThrownBy(() -> clientBuilder().notificationSecretParameter("key").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'")
                .hasMessageContaining("notification-secret-parameter");
    }

    @Test
    void requestRecordsValidateTheirInput() {
        Msisdn m = Msisdn.of(MSISDN);
        assertThatThrownBy(() -> SubscriptionRequest.builder(m, 0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("productId");
        assertThatThrownBy(() -> SubscriptionRequest.builder(m, 1).amount("-1").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> SubscriptionRequest.builder(m, 1).amount("1").param("amount", "2").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> SubscriptionRequest.builder(m, 1).mnc("two").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mnc");
        assertThatThrownBy(() -> new UnsubscribeRequest(" ", m, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sid");
        assertThat(SubscriptionRequest.builder(m, 1).param("amount", "2").build().extraParams())
                .containsEntry("amount", "2");
        assertThat(SubscriptionRequest.builder(m, 1).build().toString()).doesNotContain(MSISDN);
    }

    @Test
    void descriptionsAreSplitTolerantly() {
        assertThat(StatusDescription.parse("00 - User is subscribed"))
                .isEqualTo(new StatusDescription("00", "User is subscribed", "00 - User is subscribed"));
        assertThat(StatusDescription.parse("AA -Insufficient credit").code()).isEqualTo("AA");
        assertThat(StatusDescription.parse("Something went wrong"))
                .isEqualTo(new StatusDescription(null, "Something went wrong", "Something went wrong"));
        assertThat(StatusDescription.parse(null)).isEqualTo(new StatusDescription(null, null, null));
        assertThat(StatusDescription.parse("x-ray - not a code").code()).isNull();
    }
}
