package io.dcb4j.testkit.infomedia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.infomedia.InfomediaClient;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InfomediaSimulatorTest {

    InfomediaSimulator sim;
    BillingProvider client;

    @BeforeEach
    void start() {
        sim = new InfomediaSimulator();
        client = sim.newClient();
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    PinSubscriptions pins() {
        return client.pinSubscriptions().orElseThrow();
    }

    SubscriptionResult subscribe(Msisdn msisdn) {
        PinChallenge c = pins().requestPin(sim.sampleSubscribeRequest(msisdn));
        return pins().confirmPin(c, sim.pinSentTo(msisdn).orElseThrow());
    }

    List<BillingEvent> events() {
        return sim.notifications().stream().map(n -> client.notifications().orElseThrow().parse(n)).toList();
    }

    @Test
    void happyPathFreePeriodWebhookCancelThenReactivationThenChargedResubscription() {
        Msisdn m = sim.sampleMsisdn();
        SubscriptionResult r = subscribe(m);
        assertThat(r.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(r.subscription()).isEqualTo(new SubscriptionRef("8000000", m, OfferId.of(8000000)));
        assertThat(r.details()).containsEntry("outcome", "FREE_PERIOD").containsEntry("mnc", "2");
        assertThat(r.charged()).isNull();
        assertThat(sim.requests().get(0).headers().get("x-infomedia-api-key"))
                .containsExactly(InfomediaSimulator.API_KEY);

        assertThat(client.cancellations().orElseThrow().cancel(r.subscription()).state())
                .isEqualTo(SubscriptionState.CANCELLED);
        assertThatThrownBy(() -> client.cancellations().orElseThrow().cancel(r.subscription()))
                .isInstanceOf(NotFoundException.class);

        SubscriptionResult back = subscribe(m);
        assertThat(back.reactivated()).isTrue();
        assertThat(back.details()).containsEntry("code", "23");

        client.cancellations().orElseThrow().cancel(back.subscription());
        sim.expirePaidPeriod(m, sim.sampleOffer());
        SubscriptionResult paid = subscribe(m);
        assertThat(paid.details()).containsEntry("outcome", "CHARGED").containsKey("txid");
        assertThat(paid.charged()).isEqualTo(Money.of("0.10", "AED"));

        List<BillingEvent> events = events();
        assertThat(events).extracting(BillingEvent::type).containsExactly(BillingEvent.Type.SUBSCRIBED,
                BillingEvent.Type.UNSUBSCRIBED, BillingEvent.Type.REACTIVATED, BillingEvent.Type.UNSUBSCRIBED,
                BillingEvent.Type.SUBSCRIBED, BillingEvent.Type.CHARGED);
        BillingEvent charge = events.get(5);
        assertThat(charge.amount()).hasValue(Money.of("0.10", "AED"));
        assertThat(charge.charge().orElseThrow().id()).isEqualTo(paid.details().get("txid"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.msisdn()).hasValue(m);
            assertThat(e.subscription().orElseThrow().id()).isEqualTo("8000000");
        });
        assertThat(sim.notifications().get(0).path()).isEqualTo(InfomediaSimulator.NOTIFY_PATH);
    }

    @Test
    void typedClientSeesTheDocumentedQuirks() {
        try (InfomediaClient typed = (InfomediaClient) BillingProviders.create("infomedia", sim.clientConfig())) {
            Msisdn m = sim.sampleMsisdn();
            SubscriptionRequest req = SubscriptionRequest.builder(m, InfomediaSimulator.OTHER_PRODUCT_ID)
                    .amount("2.00").frequency("week").param("pt", "order-7").build();
            assertThat(typed.generatePin(req).pinId()).isNull();
            JoinResult j = typed.join(req, sim.pinSentTo(m).orElseThrow());
            assertThat(j.outcome()).isEqualTo(JoinOutcome.FREE_PERIOD);
            assertThat(j.sid()).isEqualTo("92000000");
            assertThat(j.subscribed()).isTrue();
            assertThat(j.suspended()).isFalse();
            assertThat(j.mnc()).isEqualTo("2");
            String txid = sim.billRenewal(m, OfferId.of(InfomediaSimulator.OTHER_PRODUCT_ID));
            assertThat(typed.unsubscribe("92000000", m).sid()).isNull();
            var webhooks = sim.notifications().stream().map(n -> typed.notificationParser().parseWebhook(n)).toList();
            assertThat(webhooks).extracting(w -> w.type().etid()).containsExactly(1, 5, 2);
            assertThat(webhooks).allSatisfy(w -> assertThat(w.passThrough()).isEqualTo("order-7"));
            assertThat(webhooks.get(1).txid()).isEqualTo(txid);
            assertThat(webhooks.get(1).charge()).isEqualTo(Money.of("2.00", "AED"));
        }
    }

    @Test
    void aWrongPinThreeTimesKillsThePin() {
        Msisdn m = sim.sampleMsisdn();
        PinChallenge c = pins().requestPin(sim.sampleSubscribeRequest(m));
        String right = sim.pinSentTo(m).orElseThrow();
        String wrong = right.equals("0000") ? "1111" : "0000";
        assertThatThrownBy(() -> pins().confirmPin(c, wrong)).isInstanceOf(InvalidPinException.class);
        assertThatThrownBy(() -> pins().confirmPin(c, wrong)).isInstanceOf(InvalidPinException.class);
        assertThatThrownBy(() -> pins().confirmPin(c, wrong)).isInstanceOf(PinAttemptsExceededException.class);
        assertThatThrownBy(() -> pins().confirmPin(c, right)).isInstanceOf(InvalidPinException.class);
    }

    @Test
    void magicWrongPinAndAlreadySubscribed() {
        Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
        PinChallenge c = pins().requestPin(sim.sampleSubscribeRequest(wrong));
        assertThatThrownBy(() -> pins().confirmPin(c, sim.pinSentTo(wrong).orElseThrow()))
                .isInstanceOf(InvalidPinException.class);
        Msisdn already = MagicMsisdn.ALREADY_SUBSCRIBED.applyTo(sim.sampleMsisdn().digits());
        PinChallenge c2 = pins().requestPin(sim.sampleSubscribeRequest(already));
        assertThatThrownBy(() -> pins().confirmPin(c2, sim.pinSentTo(already).orElseThrow()))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).isRetryable()).isFalse());
        subscribe(sim.sampleMsisdn());
        assertThatThrownBy(() -> subscribe(sim.sampleMsisdn())).isInstanceOf(ConflictException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"INSUFFICIENT_FUNDS, AA, INSUFFICIENT_FUNDS", "BARRED, A5, BARRED",
        "UNKNOWN_SUBSCRIBER, A3, UNKNOWN_SUBSCRIBER", "SPEND_LIMIT, A7, SPEND_LIMIT"})
    void fundsMagicFailsRenewalsAndImmediateCharges(MagicMsisdn magic, String code, FailureReason reason) {
        Msisdn m = magic.applyTo(sim.sampleMsisdn().digits());
        subscribe(m);
        sim.billRenewal(m, sim.sampleOffer());
        List<BillingEvent> events = events();
        assertThat(events).extracting(BillingEvent::type).containsExactly(BillingEvent.Type.SUBSCRIBED,
                BillingEvent.Type.CHARGE_FAILED, BillingEvent.Type.SUSPENDED);
        assertThat(events.get(1).failureReason()).hasValue(reason);
        assertThat(events.get(1).rawParameters()).containsEntry("transactionStatus", code);

        Msisdn fresh = magic.applyTo("971509990000");
        subscribe(fresh);
        client.cancellations().orElseThrow().cancel(SubscriptionRef.of("8000000", fresh));
        sim.expirePaidPeriod(fresh, sim.sampleOffer());
        SubscriptionResult r = subscribe(fresh);
        assertThat(r.state()).isEqualTo(SubscriptionState.SUSPENDED);
        assertThat(r.details()).containsEntry("outcome", "CHARGE_FAILED").containsEntry("conf.status", "Failure");
    }

    @Test
    void outageAndSlowAnswers() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create("infomedia", config)) {
            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(down)))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThatThrownBy(() -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of("8000000", down)))
                    .isInstanceOf(ProviderUnavailableException.class);
            Msisdn slow = MagicMsisdn.SLOW_ANSWER.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(slow)))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void credentialsAndRequiredFieldsAreChecked() {
        Map<String, String> badKey = new HashMap<>(sim.clientConfig());
        badKey.put("api-key", "nope");
        try (BillingProvider c = BillingProviders.create("infomedia", badKey)) {
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow()
                    .requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn())))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((AuthenticationException) e).httpStatus()).hasValue(401));
        }
        Map<String, String> badPassword = new HashMap<>(sim.clientConfig());
        badPassword.put("password", "nope");
        try (BillingProvider c = BillingProviders.create("infomedia", badPassword)) {
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow()
                    .requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn())))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> pins().requestPin(io.dcb4j.core.model.SubscribeRequest.of(sim.sampleMsisdn(),
                OfferId.of(123)))).isInstanceOf(InvalidRequestException.class);
        Map<String, String> otherPinField = new HashMap<>(sim.clientConfig());
        otherPinField.put("pin-field", "otp");
        try (BillingProvider c = BillingProviders.create("infomedia", otherPinField)) {
            PinChallenge ch = c.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()));
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow().confirmPin(ch, "1234"))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("pin");
        }
    }

    @Test
    void resetForgetsEverything() {
        subscribe(sim.sampleMsisdn());
        sim.reset();
        assertThat(sim.notifications()).isEmpty();
        assertThat(sim.requests()).isEmpty();
        assertThat(sim.pinSentTo(sim.sampleMsisdn())).isEmpty();
        assertThat(subscribe(sim.sampleMsisdn()).details()).containsEntry("outcome", "FREE_PERIOD");
    }

    @Test
    void webhooksAreDeliveredAsGetRequests() {
        try (InfomediaSimulator receiver = new InfomediaSimulator()) {
            // any HTTP endpoint will do: the second simulator records what reaches it
            sim.deliverNotificationsTo(receiver.baseUrl() + "/hook");
            subscribe(sim.sampleMsisdn());
            assertThat(receiver.requests()).hasSize(1);
            InboundNotification n = InboundNotification.builder("GET").path("/hook")
                    .rawQuery(receiver.requests().get(0).rawQuery()).build();
            assertThat(client.notifications().orElseThrow().parse(n).type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        }
    }

    @Nested
    @DcbSimulator("infomedia")
    class Extension {
        @Test
        void injectsTheSimulatorAndAClient(Simulator injected, BillingProvider provider) {
            assertThat(injected).isInstanceOf(InfomediaSimulator.class);
            assertThat(provider.id()).isEqualTo("infomedia");
            Msisdn m = injected.sampleMsisdn();
            PinChallenge c = provider.pinSubscriptions().orElseThrow().requestPin(injected.sampleSubscribeRequest(m));
            assertThat(provider.pinSubscriptions().orElseThrow().confirmPin(c, injected.pinSentTo(m).orElseThrow())
                    .state()).isEqualTo(SubscriptionState.ACTIVE);
        }
    }
}
