package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NeutralApiTest extends WireMockSupport {

    static final Msisdn MSISDN = Msisdn.of("+216 12 345 678");
    static final OfferId OFFER = OfferId.of("123");

    @Test
    void capabilitiesAndAccessorsMatch() {
        try (BillingProvider p = client()) {
            assertThat(p.id()).isEqualTo("eklectic");
            assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.PIN_SUBSCRIPTION,
                    Capability.SUBSCRIPTION_STATUS, Capability.CANCEL, Capability.NOTIFICATIONS);
            assertThat(p.pinSubscriptions()).isPresent();
            assertThat(p.subscriptions()).isPresent();
            assertThat(p.cancellations()).isPresent();
            assertThat(p.notifications()).isPresent();
            assertThat(p.charges()).isEmpty();
            assertThat(p.renewals()).isEmpty();
            assertThat(p.supports(Capability.RENEW)).isFalse();
            assertThat(p.supports(Capability.ONE_OFF_CHARGE)).isFalse();
        }
    }

    @Test
    void requestPinThenConfirmPinSubscribes() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        wm.stubFor(post("/API/subscription/confirm").willReturn(json(resource("confirm-answer.json"))));
        try (BillingProvider p = client()) {
            PinSubscriptions pins = p.pinSubscriptions().orElseThrow();
            SubscribeRequest request = SubscribeRequest.of(MSISDN, OFFER);
            PinChallenge challenge = pins.requestPin(request);
            assertThat(challenge.provider()).isEqualTo("eklectic");
            assertThat(challenge.challengeId()).isEqualTo("13995910-8ffa-11ec-9feb-fa163e3dd8b3");
            assertThat(challenge.request()).isEqualTo(request);
            assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2022-02-17T14:11:18Z"));
            assertThat(challenge.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
            assertThat(challenge.details()).containsEntry("expire", "2022-02-17 15:11:18");

            SubscriptionResult result = pins.confirmPin(challenge, "4321");
            assertThat(result.subscription()).isEqualTo(new SubscriptionRef("23939206", MSISDN, OFFER));
            assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(result.rawState()).isEqualTo("ACTIVE");
            assertThat(result.charged()).isNull();
            assertThat(result.reactivated()).isFalse();
            assertThat(result.details()).containsEntry("confirm", "OK").containsEntry("id", "23939206")
                    .containsEntry("success_billing", "3").containsEntry("service_id", "14")
                    .containsEntry("offre_id", "123").containsEntry("status", "1")
                    .containsEntry("subscription_date", "2022-02-17T14:02:10Z")
                    .doesNotContainKey("msisdn");
        }
        wm.verify(postRequestedFor(urlEqualTo("/API/subscription/otp"))
                .withRequestBody(equalToJson(resource("otp-request.json"))));
        wm.verify(postRequestedFor(urlEqualTo("/API/subscription/confirm"))
                .withRequestBody(equalToJson(resource("confirm-request.json"))));
    }

    @Test
    void aKoIsAnInvalidPinExceptionThroughTheNeutralApi() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        wm.stubFor(post("/API/subscription/confirm").willReturn(json("{\"confirm\":\"KO\"}")));
        try (BillingProvider p = client()) {
            PinSubscriptions pins = p.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(SubscribeRequest.of(MSISDN, OFFER));
            assertThatThrownBy(() -> pins.confirmPin(challenge, "0000")).isInstanceOf(InvalidPinException.class);
        }
    }

    @Test
    void aChallengeFromAnotherProviderIsRefused() {
        try (BillingProvider p = client()) {
            PinChallenge foreign = new PinChallenge("centili", "tx-1", SubscribeRequest.of(MSISDN, OFFER), null,
                    new NextAction.EnterPin(null), Map.of());
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().confirmPin(foreign, "1234"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("centili");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void statusByIdFetchesTheDetails() {
        stubToken();
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (BillingProvider p = client()) {
            SubscriptionInfo info = p.subscriptions().orElseThrow().status(SubscriptionRef.of("23939206"));
            assertThat(info.subscription().id()).isEqualTo("23939206");
            assertThat(info.state()).isEqualTo(SubscriptionState.SUSPENDED);
            assertThat(info.rawState()).isEqualTo("SUSPENDED");
            assertThat(info.subscribedAt()).isEqualTo(Instant.parse("2022-02-10T21:46:07Z")); // create_at
            assertThat(info.expiresAt()).isEqualTo(Instant.parse("2022-02-16T21:46:07Z"));
            assertThat(info.details()).containsEntry("state", "SUSPENDED").containsEntry("success_billing", "0")
                    .doesNotContainKey("date_debfree");
            // every field the answer has, in the wire's order, dates as ISO-8601 instants, never the MSISDN
            assertThat(info.details()).containsExactly(Map.entry("id", "23939206"), Map.entry("success_billing", "0"),
                    Map.entry("simchurn", "0"), Map.entry("create_at", "2022-02-10T21:46:07Z"),
                    Map.entry("last_status_update", "2022-02-10T21:46:07Z"), Map.entry("service_id", "14"),
                    Map.entry("offre_id", "123"), Map.entry("status", "1"), Map.entry("state", "SUSPENDED"),
                    Map.entry("expire_date", "2022-02-16T21:46:07Z"));
            assertThat(info.details().toString()).doesNotContain("12345678");
            assertThatThrownBy(() -> info.details().put("id", "x")).isInstanceOf(UnsupportedOperationException.class);
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo("/API/subscription/find")));
    }

    @Test
    void statusByMsisdnAndOfferFindsTheIdFirst() {
        stubToken();
        wm.stubFor(post("/API/subscription/find").willReturn(json(resource("find-answer.json"))));
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (BillingProvider p = client()) {
            SubscriptionInfo info = p.subscriptions().orElseThrow()
                    .status(SubscriptionRef.of(MSISDN, OfferId.of(1234)));
            assertThat(info.subscription()).isEqualTo(new SubscriptionRef("23939206", MSISDN, OfferId.of(1234)));
            assertThat(info.state()).isEqualTo(SubscriptionState.SUSPENDED);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/API/subscription/find"))
                .withRequestBody(equalToJson(resource("find-request.json"))));
        wm.verify(1, getRequestedFor(urlEqualTo("/API/subscription/23939206")));
    }

    @Test
    void statusWithOnlyAnMsisdnIsRefusedBeforeAnyCall() {
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.subscriptions().orElseThrow().status(new SubscriptionRef(null, MSISDN, null)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offer");
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void statusOfAnUnknownIdIsNotFound() {
        stubToken();
        wm.stubFor(get("/API/subscription/999999999").willReturn(aResponse().withStatus(404)));
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.subscriptions().orElseThrow().status(SubscriptionRef.of("999999999", MSISDN)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void cancelDeletesAndAnswersCancelled() {
        stubToken();
        wm.stubFor(post("/API/subscription/find").willReturn(json(resource("find-answer.json"))));
        wm.stubFor(delete("/API/subscription/23939206").willReturn(aResponse().withStatus(200)));
        try (BillingProvider p = client()) {
            Cancellations cancellations = p.cancellations().orElseThrow();
            CancelResult byId = cancellations.cancel(SubscriptionRef.of("23939206"));
            assertThat(byId.subscription().id()).isEqualTo("23939206");
            assertThat(byId.state()).isEqualTo(SubscriptionState.CANCELLED);
            CancelResult byMsisdn = cancellations.cancel(SubscriptionRef.of(MSISDN, OFFER));
            assertThat(byMsisdn.subscription()).isEqualTo(new SubscriptionRef("23939206", MSISDN, OFFER));
            assertThat(byMsisdn.state()).isEqualTo(SubscriptionState.CANCELLED);
        }
        wm.verify(2, deleteRequestedFor(urlEqualTo("/API/subscription/23939206"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wm.verify(1, postRequestedFor(urlEqualTo("/API/subscription/find")));
    }

    @Test
    void renewalsAreAbsentBecauseEklecticRenewsByItself() {
        try (BillingProvider p = client()) {
            assertThat(p.renewals()).isEmpty();
            assertThat(p.supports(Capability.RENEW)).isFalse();
            assertThat(p.capabilities()).doesNotContain(Capability.RENEW);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void neutralStatesKeepTheRawValue() {
        stubToken();
        Map<String, SubscriptionState> cases = Map.of(
                "ACTIVE", SubscriptionState.ACTIVE,
                "Suspended", SubscriptionState.SUSPENDED,
                "UNSUBSCRIBED", SubscriptionState.CANCELLED,
                "EXPIRED", SubscriptionState.EXPIRED,
                "PENDING", SubscriptionState.PENDING,
                "SOMETHING_NEW", SubscriptionState.UNKNOWN);
        int i = 0;
        try (BillingProvider p = client()) {
            for (Map.Entry<String, SubscriptionState> e : cases.entrySet()) {
                i++;
                wm.stubFor(get("/API/subscription/" + i)
                        .willReturn(json("{\"user\":{\"id\":\"" + i + "\",\"state\":\"" + e.getKey() + "\"}}")));
                SubscriptionInfo info = p.subscriptions().orElseThrow().status(SubscriptionRef.of(Integer.toString(i)));
                assertThat(info.state()).as(e.getKey()).isEqualTo(e.getValue());
                assertThat(info.rawState()).isEqualTo(e.getKey());
            }
        }
        assertThat(Set.copyOf(cases.values())).hasSize(6);
    }
}
