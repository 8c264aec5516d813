package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.infomedia.notification.InfomediaNotificationParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeutralApiTest extends InfomediaTestSupport {

    static SubscribeRequest documentNeutralRequest() {
        return SubscribeRequest.builder(Msisdn.of("+971500000000"), OfferId.of(8000000))
                .price(Money.of("0.10", "AED")).frequency("day").language("en").description("Service Name")
                .clientReference("order-1").returnUrl("https://shop.example/back").build();
    }

    @Test
    void capabilitiesAreExactlyPinCancelAndNotifications() {
        try (InfomediaClient client = client()) {
            BillingProvider p = client;
            assertThat(p.id()).isEqualTo("infomedia");
            assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.PIN_SUBSCRIPTION, Capability.CANCEL,
                    Capability.NOTIFICATIONS);
            assertThat(p.pinSubscriptions()).isPresent();
            assertThat(p.cancellations()).isPresent();
            assertThat(p.notifications()).containsInstanceOf(InfomediaNotificationParser.class)
                    .containsSame(client.notificationParser());
            // no status endpoint (status comes from the webhooks), renewals by Infomedia itself, no one-off charges:
            // the parts are absent rather than present and refusing
            assertThat(p.supports(Capability.SUBSCRIPTION_STATUS)).isFalse();
            assertThat(p.subscriptions()).isEmpty();
            assertThat(p.supports(Capability.RENEW)).isFalse();
            assertThat(p.renewals()).isEmpty();
            assertThat(p.supports(Capability.ONE_OFF_CHARGE)).isFalse();
            assertThat(p.supports(Capability.CHARGE_STATUS)).isFalse();
            assertThat(p.charges()).isEmpty();
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void requestPinSendsTheDocumentBody() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        try (BillingProvider p = client()) {
            PinChallenge c = p.pinSubscriptions().orElseThrow().requestPin(documentNeutralRequest());
            assertThat(c.provider()).isEqualTo("infomedia");
            assertThat(c.challengeId()).isNull();
            assertThat(c.expiresAt()).isNull();
            assertThat(c.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
            assertThat(c.request()).isEqualTo(documentNeutralRequest());
            assertThat(c.details()).containsEntry("status", "Success").containsEntry("code", "00")
                    .containsEntry("description", "00 - Everything was OK").doesNotContainKey("pinId");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams"))
                .withHeader("X-Infomedia-Api-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson(documentRequest())));
    }

    PinChallenge challenge() {
        return new PinChallenge("infomedia", null, documentNeutralRequest(), null, new NextAction.EnterPin(null),
                Map.of());
    }

    @Test
    void confirmPinFreePeriod() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-free-period.json"))));
        try (BillingProvider p = client()) {
            SubscriptionResult r = p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "4821");
            assertThat(r.subscription()).isEqualTo(new SubscriptionRef("8000000", Msisdn.of(MSISDN),
                    OfferId.of(8000000)));
            assertThat(r.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(r.rawState()).isEqualTo("00 - User is subscribed");
            assertThat(r.charged()).isNull();
            assertThat(r.reactivated()).isFalse();
            assertThat(r.details()).containsEntry("outcome", "FREE_PERIOD").containsEntry("sid", "8000000")
                    .containsEntry("subscribed", "true").containsEntry("suspended", "false")
                    .containsEntry("mnc", "2").doesNotContainKey("txid").doesNotContainKey("conf.status");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams"))
                .withRequestBody(equalToJson(documentRequestWithPin("pin", "4821"))));
    }

    @Test
    void confirmPinChargedImmediately() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-no-free-period.json"))));
        try (BillingProvider p = client()) {
            SubscriptionResult r = p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "4821");
            assertThat(r.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(r.charged()).isEqualTo(Money.of("0.10", "AED"));
            assertThat(r.reactivated()).isFalse();
            assertThat(r.details()).containsEntry("outcome", "CHARGED")
                    .containsEntry("txid", "6c6a7971-1957-4b3b-bcfa-d0d11231ba51")
                    .containsEntry("conf.status", "Success")
                    .containsEntry("conf.description", "00 - Payment has been made");
        }
    }

    @Test
    void confirmPinReactivated() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams")
                .willReturn(okJson(resource("join-response-reactivation.json"))));
        try (BillingProvider p = client()) {
            SubscriptionResult r = p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "4821");
            assertThat(r.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(r.reactivated()).isTrue();
            assertThat(r.charged()).isNull();
            assertThat(r.rawState()).isEqualTo("23 - User has been reactivated");
            assertThat(r.details()).containsEntry("outcome", "REACTIVATED").containsEntry("code", "23");
        }
    }

    @Test
    void confirmPinMapsSuspendedAndNotYetSubscribedAndFallsBackToTheProductIdAsSid() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                "{\"status\":\"Success\",\"description\":\"00 - User is subscribed\",\"sid\":\"\","
                        + "\"user\":{\"subscribed\":\"True\",\"suspended\":\"True\"}}")));
        try (BillingProvider p = client()) {
            SubscriptionResult r = p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "4821");
            assertThat(r.state()).isEqualTo(SubscriptionState.SUSPENDED);
            assertThat(r.subscription().id()).isEqualTo("8000000");
        }
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                "{\"status\":\"Success\",\"description\":\"00 - User is subscribed\","
                        + "\"user\":{\"subscribed\":\"False\",\"suspended\":\"False\"}}")));
        try (BillingProvider p = client()) {
            assertThat(p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "4821").state())
                    .isEqualTo(SubscriptionState.PENDING);
        }
    }

    @Test
    void aWrongPinIsAnInvalidPinException() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                "{\"status\":\"Failure\",\"description\":\"01 - Invalid PIN\"}")));
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().confirmPin(challenge(), "0000"))
                    .isInstanceOf(InvalidPinException.class);
        }
    }

    @Test
    void neutralInputIsValidated() {
        try (BillingProvider p = client()) {
            PinSubscriptions pins = p.pinSubscriptions().orElseThrow();
            assertThatThrownBy(() -> pins.requestPin(SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of("gold"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("numeric");
            PinChallenge foreign = new PinChallenge("eklectic", "c", documentNeutralRequest(), null,
                    new NextAction.EnterPin(null), Map.of());
            assertThatThrownBy(() -> pins.confirmPin(foreign, "1234")).isInstanceOf(IllegalArgumentException.class);
            Cancellations cancellations = p.cancellations().orElseThrow();
            assertThatThrownBy(() -> cancellations.cancel(SubscriptionRef.of("8000000")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MSISDN");
            assertThatThrownBy(() -> cancellations.cancel(new SubscriptionRef(null, Msisdn.of(MSISDN), null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sid");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void neutralParamsSetTheNetworkAndTravelAsExtraParams() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        try (BillingProvider p = client()) {
            p.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.builder(Msisdn.of(MSISDN),
                    OfferId.of(5)).param("mnc", "03").param("channel", "wap").build());
        }
        wm.verify(postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams")).withRequestBody(equalToJson("""
                {"mx":"971500000000","mcc":"424","mnc":"03","productId":5,"u":"%s","p":"%s",
                 "params":[{"key":"channel","value":"wap"}]}""".formatted(USERNAME, PASSWORD))));
    }

    @Test
    void cancelUsesTheSidOrTheProductId() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(resource("unsubscribe-response.json"))));
        try (BillingProvider p = client()) {
            CancelResult r = p.cancellations().orElseThrow().cancel(SubscriptionRef.of("8000000", Msisdn.of(MSISDN)));
            assertThat(r.subscription()).isEqualTo(SubscriptionRef.of("8000000", Msisdn.of(MSISDN)));
            assertThat(r.state()).isEqualTo(SubscriptionState.CANCELLED);
            assertThat(r.rawState()).isEqualTo("00 - User has been unsubscribed");
            assertThat(r.details()).containsEntry("status", "Success").containsEntry("code", "00")
                    .doesNotContainKey("sid");
            CancelResult byOffer = p.cancellations().orElseThrow()
                    .cancel(SubscriptionRef.of(Msisdn.of(MSISDN), OfferId.of(92000000)));
            assertThat(byOffer.subscription().id()).isEqualTo("92000000");
        }
        wm.verify(postRequestedFor(urlEqualTo("/dcb/SubscriptionUnsubscribe")).withRequestBody(equalToJson(
                "{\"sid\":\"8000000\",\"mx\":\"971500000000\",\"mcc\":\"424\",\"mnc\":\"02\",\"u\":\"" + USERNAME
                        + "\",\"p\":\"" + PASSWORD + "\"}")));
        wm.verify(postRequestedFor(urlEqualTo("/dcb/SubscriptionUnsubscribe")).withRequestBody(equalToJson(
                "{\"sid\":\"92000000\",\"mx\":\"971500000000\",\"mcc\":\"424\",\"mnc\":\"02\",\"u\":\"" + USERNAME
                        + "\",\"p\":\"" + PASSWORD + "\"}")));
    }
}
