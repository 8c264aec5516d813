package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
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
import org.junit.jupiter.api.Test;

class CentiliNeutralApiTest extends CentiliTestSupport {

    static final Msisdn SUBSCRIBER = Msisdn.of(MSISDN);

    @Test
    void capabilitiesAreExactlyWhatCentiliOffers() {
        try (BillingProvider p = client()) {
            assertThat(p.id()).isEqualTo("centili");
            assertThat(p.capabilities()).containsExactlyInAnyOrder(Capability.PIN_SUBSCRIPTION,
                    Capability.ONE_OFF_CHARGE, Capability.CHARGE_STATUS, Capability.SUBSCRIPTION_STATUS,
                    Capability.CANCEL, Capability.NOTIFICATIONS);
            assertThat(p.supports(Capability.RENEW)).isFalse();
            assertThat(p.pinSubscriptions()).isPresent();
            assertThat(p.charges()).isPresent();
            assertThat(p.subscriptions()).isPresent();
            assertThat(p.cancellations()).isPresent();
            assertThat(p.notifications()).isPresent();
            // Centili renews subscriptions itself: no renewals part, and no part that refuses
            assertThat(p.renewals()).isEmpty();
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void requestPinStartsAPinTransactionAndConfirmPinSubmitsIt() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-pin.json")));
        wm.stubFor(post(API + "/transactions/tx-1001/pin").willReturn(json(200, "update-answer.json")));
        SubscribeRequest request = SubscribeRequest.builder(SUBSCRIBER, OfferId.of("svc-gold"))
                .price(Money.of("1.99", "EUR")).language("sr").description("Gold pack")
                .clientReference("order-1001").returnUrl("https://shop.example/return")
                .param("country", "RS").param("operator", "22001").param("clientUserId", "user-42")
                .param("designId", "dark").param("campaign", "spring").build();
        try (BillingProvider p = client()) {
            PinChallenge challenge = p.pinSubscriptions().orElseThrow().requestPin(request);
            assertThat(challenge.provider()).isEqualTo("centili");
            assertThat(challenge.challengeId()).isEqualTo("tx-1001");
            assertThat(challenge.request()).isEqualTo(request);
            assertThat(challenge.nextAction()).isEqualTo(new NextAction.EnterPin("Enter the PIN we sent you by SMS"));
            assertThat(challenge.details()).containsEntry("transactionType", "OPT_IN")
                    .containsEntry("clientReference", "order-1001").containsEntry("idempotencyKey", "key-1")
                    .containsEntry("actionType", "PIN");

            SubscriptionResult result = p.pinSubscriptions().orElseThrow().confirmPin(challenge, "4321");
            assertThat(result.subscription()).isEqualTo(new SubscriptionRef("tx-1001", SUBSCRIBER,
                    OfferId.of("svc-gold")));
            assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(result.reactivated()).isFalse();
            assertThat(result.details()).containsEntry("transactionId", "tx-1001")
                    .containsEntry("idempotencyKey", "key-2");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withRequestBody(equalToJson("{\"userIdentifier\":{\"country\":\"RS\",\"msisdn\":\"" + MSISDN
                        + "\",\"operator\":\"22001\"},\"price\":\"1.99\",\"wap\":false,\"serviceKey\":\"svc-gold\","
                        + "\"clientData\":{\"clientUserId\":\"user-42\",\"pageCustomization\":{\"itemName\":"
                        + "\"Gold pack\",\"designId\":\"dark\",\"language\":\"sr\"},\"clientReference\":"
                        + "\"order-1001\",\"returnURL\":\"https://shop.example/return\"},"
                        + "\"params\":[\"campaign=spring\"]}", false, false)));
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/pin"))
                .withHeader("Idempotency-Key", equalTo("key-2"))
                .withRequestBody(equalToJson("{\"pin\":\"4321\"}", false, false)));
    }

    @Test
    void requestPinCarriesAnotherActionWhenCentiliAsksForOne() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-redirect.json")));
        try (BillingProvider p = client()) {
            PinChallenge challenge = p.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.of(SUBSCRIBER, OfferId.of("svc")));
            assertThat(challenge.nextAction()).isEqualTo(new NextAction.Redirect(
                    "https://pay.centili.com/consent/tx-2002", "https://shop.example/return", "Confirm the payment"));
        }
    }

    @Test
    void requestPinWithoutActionStillAsksForThePin() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-no-action.json")));
        try (BillingProvider p = client()) {
            PinChallenge challenge = p.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.of(SUBSCRIBER, OfferId.of("svc")));
            assertThat(challenge.nextAction()).isEqualTo(new NextAction.EnterPin(null));
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init")).withRequestBody(equalToJson(
                "{\"userIdentifier\":{\"msisdn\":\"" + MSISDN + "\"},\"wap\":false,\"serviceKey\":\"svc\"}", false, false)));
    }

    @Test
    void aWrongPinIsAnInvalidPinException() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1/pin").willReturn(jsonText(400,
                "{\"code\":\"INVALID_PIN\",\"message\":\"Invalid PIN sent, request can be retried\"}")));
        PinChallenge challenge = new PinChallenge("centili", "tx-1", SubscribeRequest.of(SUBSCRIBER,
                OfferId.of("svc")), null, new NextAction.EnterPin(null), Map.of());
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().confirmPin(challenge, "0000"))
                    .isInstanceOf(InvalidPinException.class);
        }
    }

    @Test
    void aChallengeOfAnotherProviderIsRefused() {
        PinChallenge foreign = new PinChallenge("eklectic", "code-1", SubscribeRequest.of(SUBSCRIBER,
                OfferId.of("svc")), null, new NextAction.EnterPin(null), Map.of());
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().confirmPin(foreign, "1234"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void chargeStartsAWapTransactionAndReturnsTheRedirect() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-redirect.json")));
        ChargeRequest request = ChargeRequest.builder(Money.of("0.99", "EUR")).offer(OfferId.of("svc-coins"))
                .description("100 coins").clientReference("order-2002").returnUrl("https://shop.example/return")
                .idempotencyKey("order-2002-1").build();
        try (BillingProvider p = client()) {
            ChargeResult r = p.charges().orElseThrow().charge(request);
            assertThat(r.charge()).isEqualTo(ChargeRef.of("tx-2002"));
            assertThat(r.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
            assertThat(r.amount()).isEqualTo(Money.of("0.99", "EUR"));
            assertThat(r.nextAction()).isEqualTo(new NextAction.Redirect("https://pay.centili.com/consent/tx-2002",
                    "https://shop.example/return", "Confirm the payment"));
            assertThat(r.failureReason()).isNull();
            assertThat(r.details()).containsEntry("idempotencyKey", "order-2002-1")
                    .containsEntry("clientReference", "order-2002").containsEntry("actionType", "URL_REDIRECT");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Idempotency-Key", equalTo("order-2002-1"))
                .withRequestBody(equalToJson("{\"price\":\"0.99\",\"wap\":true,\"serviceKey\":\"svc-coins\","
                        + "\"clientData\":{\"pageCustomization\":{\"itemName\":\"100 coins\"},\"clientReference\":"
                        + "\"order-2002\",\"returnURL\":\"https://shop.example/return\"}}",
                        false, false)));
    }

    @Test
    void chargeWithoutOfferUsesTheDefaultServiceKeyAndWithoutActionIsProcessing() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-no-action.json")));
        try (BillingProvider p = clientBuilder().defaultServiceKey("svc-default").build()) {
            ChargeResult r = p.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("2", "EUR"))
                    .msisdn(SUBSCRIBER).param("wap", "false").build());
            assertThat(r.state()).isEqualTo(ChargeState.PROCESSING);
            assertThat(r.nextAction()).isEqualTo(NextAction.none());
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init")).withRequestBody(equalToJson(
                "{\"userIdentifier\":{\"msisdn\":\"" + MSISDN + "\"},\"price\":\"2\",\"wap\":false,"
                        + "\"serviceKey\":\"svc-default\"}", false, false)));
    }

    @Test
    void aChargeWithAnMsisdnStillUsesTheWapFlowTheNeutralApiCanComplete() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-redirect.json")));
        try (BillingProvider p = client()) {
            ChargeResult r = p.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1", "EUR"))
                    .msisdn(SUBSCRIBER).offer(OfferId.of("svc")).build());
            assertThat(r.nextAction().type()).isEqualTo(NextAction.Type.REDIRECT);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init")).withRequestBody(equalToJson(
                "{\"userIdentifier\":{\"msisdn\":\"" + MSISDN + "\"},\"price\":\"1\",\"wap\":true,"
                        + "\"serviceKey\":\"svc\"}", false, false)));
    }

    @Test
    void chargeWithoutAnyServiceKeyIsRefused() {
        try (BillingProvider p = client()) {
            assertThatThrownBy(() -> p.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("2", "EUR"))
                    .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service key");
        }
    }

    @Test
    void chargeStatusOfACompletedTransactionSucceeded() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (BillingProvider p = client()) {
            ChargeResult r = p.charges().orElseThrow().status(ChargeRef.of("tx-1001"));
            assertThat(r.charge()).isEqualTo(ChargeRef.of("tx-1001"));
            assertThat(r.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(r.rawState()).isEqualTo("COMPLETED");
            assertThat(r.amount()).isEqualTo(Money.of("1.99", "EUR"));
            assertThat(r.failureReason()).isNull();
            assertThat(r.nextAction()).isEqualTo(NextAction.none());
            assertThat(r.details()).containsEntry("transactionType", "OPT_IN")
                    .containsEntry("notificationStatus", "DELIVERED")
                    .containsEntry("timeCharged", "2017-08-16 11:41:08").containsEntry("serviceKey", "svc-gold")
                    .containsEntry("itemName", "Gold pack").containsEntry("itemAmount", "100")
                    .doesNotContainKey("subscriber");
        }
    }

    @Test
    void chargeStatusOfAFailedTransactionIsDeniedWithAReason() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-6006").willReturn(json(200, "transaction-failed.json")));
        try (BillingProvider p = client()) {
            ChargeResult r = p.charges().orElseThrow().status(ChargeRef.of("tx-6006"));
            assertThat(r.state()).isEqualTo(ChargeState.DENIED);
            assertThat(r.rawState()).isEqualTo("FAILED");
            assertThat(r.failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
            assertThat(r.details()).containsEntry("error", "INSUFFICIENT_FUNDS");
        }
    }

    @Test
    void chargeStatusOfAnUnknownStatusIsUnknownWithTheRawValue() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-9009").willReturn(json(200, "transaction-unknown-values.json")));
        try (BillingProvider p = client()) {
            ChargeResult r = p.charges().orElseThrow().status(ChargeRef.of("tx-9009"));
            assertThat(r.state()).isEqualTo(ChargeState.UNKNOWN);
            assertThat(r.rawState()).isEqualTo("WAITING_FOR_GODOT");
            assertThat(r.amount()).isNull();
        }
    }

    @Test
    void subscriptionStatusReadsTheTransaction() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (BillingProvider p = client()) {
            SubscriptionInfo info = p.subscriptions().orElseThrow().status(SubscriptionRef.of("tx-1001", SUBSCRIBER));
            assertThat(info.subscription()).isEqualTo(SubscriptionRef.of("tx-1001", SUBSCRIBER));
            assertThat(info.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(info.rawState()).isEqualTo("COMPLETED");
            assertThat(info.subscribedAt()).isEqualTo(Instant.parse("2017-08-16T11:41:08Z"));
            assertThat(info.expiresAt()).isNull();
            assertThat(info.details()).containsEntry("transactionType", "OPT_IN");
        }
    }

    @Test
    void subscriptionStatesFollowTypeAndStatus() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/out").willReturn(jsonText(200,
                "{\"transactionId\":\"out\",\"transactionType\":\"OPT_OUT\",\"transactionStatus\":\"COMPLETED\"}")));
        wm.stubFor(get(API + "/transactions/pend").willReturn(jsonText(200,
                "{\"transactionId\":\"pend\",\"transactionType\":\"OPT_IN\",\"transactionStatus\":\"PENDING\"}")));
        wm.stubFor(get(API + "/transactions/odd").willReturn(jsonText(200,
                "{\"transactionId\":\"odd\",\"transactionStatus\":\"SOMETHING_NEW\"}")));
        wm.stubFor(get(API + "/transactions/gone").willReturn(jsonText(200,
                "{\"transactionId\":\"gone\",\"transactionStatus\":\"canceled\"}")));
        try (BillingProvider p = client()) {
            var subs = p.subscriptions().orElseThrow();
            assertThat(subs.status(SubscriptionRef.of("out")).state()).isEqualTo(SubscriptionState.CANCELLED);
            assertThat(subs.status(SubscriptionRef.of("pend")).state()).isEqualTo(SubscriptionState.PENDING);
            assertThat(subs.status(SubscriptionRef.of("odd")).state()).isEqualTo(SubscriptionState.UNKNOWN);
            assertThat(subs.status(SubscriptionRef.of("odd")).rawState()).isEqualTo("SOMETHING_NEW");
            assertThat(subs.status(SubscriptionRef.of("gone")).state()).isEqualTo(SubscriptionState.CANCELLED);
        }
    }

    @Test
    void cancelReleasesTheTransaction() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/release").willReturn(json(200, "update-answer.json")));
        try (BillingProvider p = client()) {
            CancelResult r = p.cancellations().orElseThrow().cancel(SubscriptionRef.of("tx-1001", SUBSCRIBER));
            assertThat(r.subscription()).isEqualTo(SubscriptionRef.of("tx-1001", SUBSCRIBER));
            assertThat(r.state()).isEqualTo(SubscriptionState.CANCELLED);
            assertThat(r.rawState()).isEqualTo("RELEASED");
            assertThat(r.details()).containsEntry("clientReference", "order-1001")
                    .containsEntry("idempotencyKey", "key-1");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/release"))
                .withHeader("Idempotency-Key", equalTo("key-1")));
    }

    @Test
    void aReferenceWithoutTransactionIdIsRefused() {
        try (BillingProvider p = client()) {
            SubscriptionRef byMsisdn = SubscriptionRef.of(SUBSCRIBER, OfferId.of("svc"));
            assertThatThrownBy(() -> p.subscriptions().orElseThrow().status(byMsisdn))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("transaction id");
            assertThatThrownBy(() -> p.cancellations().orElseThrow().cancel(byMsisdn))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }
}
