package io.dcb4j.testkit.centili;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.centili.CentiliClient;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionStatus;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DcbSimulator("centili")
class CentiliSimulatorTest {

    private static Msisdn magic(CentiliSimulator sim, MagicMsisdn m) {
        return m.applyTo(sim.sampleMsisdn().digits());
    }

    @Test
    void theExtensionInjectsTheSimulatorAndANeutralClient(Simulator sim, BillingProvider client,
            CentiliSimulator concrete) {
        assertThat(sim).isSameAs(concrete);
        assertThat(sim.providerId()).isEqualTo("centili");
        assertThat(client).isInstanceOf(CentiliClient.class);
        assertThat(client.id()).isEqualTo("centili");
    }

    @Test
    void pinSubscriptionStatusNotificationAndCancel(CentiliSimulator sim, BillingProvider client) {
        Msisdn msisdn = sim.sampleMsisdn();
        PinChallenge challenge = client.pinSubscriptions().orElseThrow()
                .requestPin(sim.sampleSubscribeRequest(msisdn));
        assertThat(challenge.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
        assertThat(challenge.nextAction().instruction()).contains("Enter the PIN sent to you by SMS");
        String pin = sim.pinSentTo(msisdn).orElseThrow();
        assertThat(pin).matches("\\d{4}");

        SubscriptionResult result = client.pinSubscriptions().orElseThrow().confirmPin(challenge, pin);
        assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
        SubscriptionRef ref = result.subscription();
        assertThat(ref.id()).isEqualTo(challenge.challengeId());
        assertThat(sim.pinSentTo(msisdn)).isEmpty();

        assertThat(client.subscriptions().orElseThrow().status(ref).state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(sim.notifications()).hasSize(1);
        BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(event.charge()).contains(ChargeRef.of(ref.id()));
        assertThat(event.msisdn()).contains(msisdn);
        assertThat(event.amount()).isEmpty(); // Centili's amount is a quantity of goods, not money
        assertThat(event.rawParameters()).containsEntry("amount", "1");
        assertThat(event.rawParameters()).doesNotContainKey("secret");

        assertThat(client.cancellations().orElseThrow().cancel(ref).state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(client.subscriptions().orElseThrow().status(ref).state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(sim.transactionStatus(ref.id())).contains("RELEASED");
        assertThatThrownBy(() -> client.cancellations().orElseThrow().cancel(ref))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void theTypedApiSeesEveryField(CentiliSimulator sim, BillingProvider client) {
        CentiliClient centili = (CentiliClient) client;
        TransactionStart start = centili.startTransaction(StartTransactionRequest.builder(
                        CentiliSimulator.CHARGE_SERVICE)
                .userIdentifier(UserIdentifier.ofMsisdn(sim.sampleMsisdn())).price(new BigDecimal("99.50"))
                .wap(false).idempotencyKey("typed-1").build());
        assertThat(start.action()).isInstanceOf(TransactionAction.PinEntry.class);
        assertThat(start.transactionType()).isEqualTo(TransactionType.CHARGE);
        assertThat(start.msisdn()).isEqualTo(sim.sampleMsisdn());
        centili.submitPin(start.transactionId(), sim.pinSentTo(sim.sampleMsisdn()).orElseThrow());
        Transaction t = centili.transaction(start.transactionId());
        assertThat(t.transactionStatus()).isEqualTo(TransactionStatus.COMPLETED);
        assertThat(t.item().priceMoney()).contains(Money.of("99.50", "RSD"));
        assertThat(t.subscriberMsisdn()).contains(sim.sampleMsisdn());
        assertThat(t.timeCharged()).isNotNull();
        assertThat(t.serviceKey()).isEqualTo(CentiliSimulator.CHARGE_SERVICE);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstAnswer(CentiliSimulator sim, BillingProvider client) {
        CentiliClient centili = (CentiliClient) client;
        StartTransactionRequest request = StartTransactionRequest.builder(CentiliSimulator.CHARGE_SERVICE)
                .userIdentifier(UserIdentifier.ofMsisdn(sim.sampleMsisdn())).idempotencyKey("order-77").build();
        TransactionStart first = centili.startTransaction(request);
        TransactionStart again = centili.startTransaction(request);
        assertThat(again.transactionId()).isEqualTo(first.transactionId());
        TransactionStart other = centili.startTransaction(StartTransactionRequest.builder(
                CentiliSimulator.CHARGE_SERVICE).userIdentifier(UserIdentifier.ofMsisdn(sim.sampleMsisdn())).build());
        assertThat(other.transactionId()).isNotEqualTo(first.transactionId());
    }

    @Test
    void aRedirectChargeSucceedsOnceTheSubscriberApproves(CentiliSimulator sim, BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        assertThat(started.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
        assertThat(started.nextAction()).isInstanceOfSatisfying(NextAction.Redirect.class, r -> {
            assertThat(r.url()).startsWith("http://127.0.0.1:").contains("/consent/" + started.charge().id());
            assertThat(r.returnUrl()).isEqualTo("https://shop.example/return");
        });
        assertThat(client.charges().orElseThrow().status(started.charge()).state())
                .isEqualTo(ChargeState.PENDING_VALIDATION);
        sim.actAsSubscriber(started.nextAction(), true);
        ChargeResult done = client.charges().orElseThrow().status(started.charge());
        assertThat(done.state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(done.amount()).isEqualTo(Money.of("120.00", "RSD"));
        BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(event.eventId()).isEqualTo("centili:" + started.charge().id() + ":success");
    }

    @ParameterizedTest
    @CsvSource({"flow=MO, SEND_SMS", "flow=SIMTCHA, SOLVE_CAPTCHA"})
    void moAndSimtchaFlowsCompleteWhenTheSubscriberActs(String flow, NextAction.Type type, CentiliSimulator sim,
            BillingProvider client) {
        String[] kv = flow.split("=");
        ChargeRequest request = ChargeRequest.builder(Money.of("10", "RSD")).msisdn(sim.sampleMsisdn())
                .param(kv[0], kv[1]).build();
        ChargeResult started = client.charges().orElseThrow().charge(request);
        assertThat(started.nextAction().type()).isEqualTo(type);
        if (started.nextAction() instanceof NextAction.SendSms sms) {
            assertThat(sms.shortcode()).isEqualTo(CentiliSimulator.SHORTCODE);
            assertThat(sms.keyword()).isEqualTo("PAY " + started.charge().id());
        } else {
            NextAction.SolveCaptcha captcha = (NextAction.SolveCaptcha) started.nextAction();
            assertThat(captcha.answers()).hasSize(2);
        }
        sim.actAsSubscriber(started.nextAction(), true);
        assertThat(client.charges().orElseThrow().status(started.charge()).state()).isEqualTo(ChargeState.SUCCEEDED);
    }

    @ParameterizedTest
    @CsvSource({"INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS", "BARRED, BARRED", "UNKNOWN_SUBSCRIBER, UNKNOWN_SUBSCRIBER",
            "SPEND_LIMIT, SPEND_LIMIT", "CONSENT_DENIED, DENIED"})
    void failingSubscribersAreDeniedWithTheirReason(MagicMsisdn magic, FailureReason reason, CentiliSimulator sim,
            BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(magic(sim, magic)));
        sim.actAsSubscriber(started.nextAction(), true);
        ChargeResult r = client.charges().orElseThrow().status(started.charge());
        assertThat(r.state()).isEqualTo(ChargeState.DENIED);
        assertThat(r.failureReason()).isEqualTo(reason);
        BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
        assertThat(event.failureReason()).contains(magic == MagicMsisdn.CONSENT_DENIED ? FailureReason.DENIED
                : FailureReason.BILLING_FAILED);
    }

    @Test
    void aDeniedConsentAndSettleOfAPendingCharge(CentiliSimulator sim, BillingProvider client) {
        ChargeResult denied = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        sim.actAsSubscriber(denied.nextAction(), false);
        assertThat(client.charges().orElseThrow().status(denied.charge()).state()).isEqualTo(ChargeState.DENIED);

        ChargeResult pending = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        sim.settle(pending.charge());
        assertThat(client.charges().orElseThrow().status(pending.charge()).state()).isEqualTo(ChargeState.SUCCEEDED);
    }

    @Test
    void wrongPinsAreInvalidThenTheAttemptsRunOut(CentiliSimulator sim, BillingProvider client) {
        Msisdn wrong = magic(sim, MagicMsisdn.WRONG_PIN);
        PinChallenge challenge = client.pinSubscriptions().orElseThrow()
                .requestPin(sim.sampleSubscribeRequest(wrong));
        String pin = sim.pinSentTo(wrong).orElseThrow();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.pinSubscriptions().orElseThrow().confirmPin(challenge, pin))
                    .isInstanceOf(InvalidPinException.class);
        }
        assertThatThrownBy(() -> client.pinSubscriptions().orElseThrow().confirmPin(challenge, pin))
                .isInstanceOf(PinAttemptsExceededException.class);
    }

    @Test
    void alreadySubscribedIsANonRetryableConflict(CentiliSimulator sim, BillingProvider client) {
        Msisdn already = magic(sim, MagicMsisdn.ALREADY_SUBSCRIBED);
        assertThatThrownBy(() -> client.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(already)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.providerCode()).contains("SUBSCRIPTION_ALREADY_EXISTS");
                });
    }

    @Test
    void anOutageIsProviderUnavailableAndASlowAnswerATransportFailure(CentiliSimulator sim) {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        try (BillingProvider c = BillingProviders.create("centili", config)) {
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow()
                    .requestPin(sim.sampleSubscribeRequest(magic(sim, MagicMsisdn.PROVIDER_OUTAGE))))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create("centili", config)) {
            assertThatThrownBy(() -> c.pinSubscriptions().orElseThrow()
                    .requestPin(sim.sampleSubscribeRequest(magic(sim, MagicMsisdn.SLOW_ANSWER))))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void unknownTransactionsAndBadCredentialsAreRefused(CentiliSimulator sim, BillingProvider client) {
        assertThatThrownBy(() -> client.subscriptions().orElseThrow().status(SubscriptionRef.of("999999999")))
                .isInstanceOf(NotFoundException.class);
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("password", "wrong");
        try (BillingProvider c = BillingProviders.create("centili", config)) {
            assertThatThrownBy(() -> c.charges().orElseThrow().status(ChargeRef.of("x")))
                    .isInstanceOfSatisfying(AuthenticationException.class,
                            e -> assertThat(e.providerCode()).contains("invalid_grant"));
        }
    }

    @Test
    void notificationsWithoutTheSecretAreRejected(BillingProvider client) {
        InboundNotification forged = InboundNotification.builder("GET")
                .uri(CentiliSimulator.NOTIFY_PATH + "?transactionid=CTX1&status=success").remoteAddress("127.0.0.1")
                .build();
        assertThatThrownBy(() -> client.notifications().orElseThrow().parse(forged))
                .isInstanceOf(NotificationRejectedException.class);
    }
}
