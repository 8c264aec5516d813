package io.dcb4j.testkit.b2maoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DcbSimulator("b2m-aoc")
class B2mAocSimulatorTest {

    private static Msisdn magic(Simulator sim, MagicMsisdn m) {
        return m.applyTo(sim.sampleMsisdn().digits());
    }

    private static B2mAocClient typed(Simulator sim, TokenRequestMethod method) {
        return B2mAocClient.builder().baseUrl(sim.baseUrl()).tokenRequestMethod(method)
                .options(ClientOptions.builder().allowInsecureHttp(true).retryPolicy(RetryPolicy.builder()
                        .maxAttempts(2).initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build())
                        .build())
                .build();
    }

    @Test
    void theExtensionInjectsTheSimulatorAndANeutralClient(Simulator sim, BillingProvider client,
            B2mAocSimulator concrete) {
        assertThat(sim).isSameAs(concrete);
        assertThat(sim.providerId()).isEqualTo("b2m-aoc");
        assertThat(client).isInstanceOf(B2mAocClient.class);
        assertThat(client.id()).isEqualTo("b2m-aoc");
        assertThat(sim.sampleCharge(sim.sampleMsisdn()).offer()).isEqualTo(sim.sampleOffer());
    }

    @Test
    void theTypedHappyPathChargesSubscribesRenewsAndCancels(B2mAocSimulator sim) {
        Msisdn msisdn = sim.sampleMsisdn();
        try (B2mAocClient aoc = typed(sim, TokenRequestMethod.GET)) {
            ChargeToken token = aoc.requestCharge("GAMES", msisdn);
            assertThat(token.consentUrl()).isEqualTo(sim.baseUrl() + "/api/redirect/" + token.aocTransId().value());
            assertThat(aoc.chargeStatus(token.aocTransId()).status()).isEqualTo(TransactionOperationStatus.PENDING_CONSENT);

            sim.actAsSubscriber(new NextAction.Redirect(token.consentUrl(), null, null), true);
            InboundNotification back = sim.notifications().get(0);
            assertThat(back.path()).isEqualTo(B2mAocSimulator.RETURN_PATH);
            AocTransactionId returned = B2mAocClient.aocTransIdFromReturnUrl("/aoc/return?aocTransID="
                    + back.query("aocTransID").orElseThrow()).orElseThrow();
            assertThat(returned).isEqualTo(token.aocTransId());
            BillingEvent event = aoc.notificationParser().parse(back);
            assertThat(event.type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
            assertThat(event.charge()).hasValue(ChargeRef.of(token.aocTransId().value()));

            assertThat(aoc.chargeStatus(returned).status()).isEqualTo(TransactionOperationStatus.PROCESSING);
            sim.settle(ChargeRef.of(returned.value()));
            ChargeStatus charged = aoc.chargeStatus(returned);
            assertThat(charged.status()).isEqualTo(TransactionOperationStatus.CHARGED);
            assertThat(charged.totalCharged()).hasValue(Money.of("10.00", "BDT"));
            assertThat(charged.msisdn()).isEqualTo(msisdn);
            assertThat(charged.errorCode()).isEqualTo("00");

            SubscriptionStatus sub = aoc.subscriptionStatus(token.spTransId(), msisdn);
            assertThat(sub.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(sub.rawStatus()).isEqualTo("subscribed");
            assertThat(sub.subscriptionName()).isEqualTo("Games Club");
            assertThat(sub.expiryDate()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(7));
            assertThat(sub.subscriptionId()).isEqualTo(sim.subscriptionIdOf(token.spTransId().value()).orElseThrow());

            RenewalResult renewed = aoc.renewSubscription(token.spTransId(), msisdn);
            assertThat(renewed.outcome()).isEqualTo(RenewResult.Outcome.RENEWED);
            assertThat(renewed.spTransIdChanged()).isTrue();
            assertThat(renewed.totalCharged()).hasValue(Money.of("10.00", "BDT"));
            SpTransactionId current = renewed.currentSpTransId();
            assertThatThrownBy(() -> aoc.subscriptionStatus(token.spTransId(), msisdn))
                    .as("the old spTransID stops working").isInstanceOf(NotFoundException.class);
            assertThat(aoc.subscriptionStatus(current, msisdn).expiryDate())
                    .isEqualTo(LocalDate.now(ZoneId.of("Asia/Dhaka")).plusDays(14));

            RenewalResult again = aoc.renewSubscription(current, msisdn);
            assertThat(again.outcome()).isEqualTo(RenewResult.Outcome.ALREADY_RENEWED);
            assertThat(again.currentSpTransId()).isEqualTo(current);
            assertThat(again.subscriptionId()).isEqualTo(sub.subscriptionId());

            assertThat(aoc.cancelSubscription(current, msisdn).message()).isEqualTo("Subscription cancelled Successfully");
            assertThat(aoc.subscriptionStatus(current, msisdn).state()).isEqualTo(SubscriptionState.CANCELLED);
            assertThatThrownBy(() -> aoc.cancelSubscription(current, msisdn)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> aoc.renewSubscription(current, msisdn))
                    .isInstanceOfSatisfying(ConflictException.class,
                            e -> assertThat(e.providerCode()).hasValue("AOC2002"));

            List<InboundNotification> all = sim.notifications();
            assertThat(all).hasSize(2);
            BillingEvent unsubscribed = aoc.notificationParser().parse(all.get(1));
            assertThat(unsubscribed.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
            assertThat(unsubscribed.subscription().orElseThrow().id()).isEqualTo(sub.subscriptionId());
            assertThat(unsubscribed.msisdn()).hasValue(msisdn);
            assertThat(unsubscribed.eventId()).isEqualTo(aoc.notificationParser().parse(all.get(1)).eventId());
        }
    }

    @Test
    void theNeutralHappyPathThroughTheRegistry(B2mAocSimulator sim, BillingProvider client) {
        Msisdn msisdn = sim.sampleMsisdn();
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(msisdn));
        assertThat(started.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
        assertThat(started.nextAction().type()).isEqualTo(NextAction.Type.REDIRECT);
        sim.actAsSubscriber(started.nextAction(), true);
        assertThat(client.charges().orElseThrow().status(started.charge()).state()).isEqualTo(ChargeState.PROCESSING);
        sim.settle(started.charge());
        ChargeResult done = client.charges().orElseThrow().status(started.charge());
        assertThat(done.state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(done.amount()).isEqualTo(Money.of("10.00", "BDT"));

        SubscriptionRef ref = started.subscription();
        assertThat(client.subscriptions().orElseThrow().status(ref).state()).isEqualTo(SubscriptionState.ACTIVE);
        RenewResult renewed = client.renewals().orElseThrow().renew(ref);
        assertThat(renewed.current().id()).isNotEqualTo(ref.id());
        assertThat(client.cancellations().orElseThrow().cancel(renewed.current()).state())
                .isEqualTo(SubscriptionState.CANCELLED);
        for (InboundNotification n : sim.notifications()) {
            BillingEvent e = client.notifications().orElseThrow().parse(n);
            assertThat(e.type()).isIn(BillingEvent.Type.PAYMENT_COMPLETED, BillingEvent.Type.UNSUBSCRIBED);
        }
    }

    @Test
    void bothPostFormsOfGetTokenAreServed(B2mAocSimulator sim) {
        for (TokenRequestMethod m : List.of(TokenRequestMethod.POST_FORM, TokenRequestMethod.POST_JSON)) {
            try (B2mAocClient aoc = typed(sim, m)) {
                ChargeToken token = aoc.requestCharge("NEWS", sim.sampleMsisdn());
                assertThat(aoc.chargeStatus(token.aocTransId()).status())
                        .isEqualTo(TransactionOperationStatus.PENDING_CONSENT);
            }
        }
        assertThat(sim.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "BARRED, BARRED",
        "SPEND_LIMIT, SPEND_LIMIT",
        "WRONG_PIN, DENIED",
        "CONSENT_DENIED, DENIED"
    })
    void magicNumbersDenyTheChargeAfterConsent(MagicMsisdn magic, FailureReason reason, B2mAocSimulator sim,
            BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(magic(sim, magic)));
        sim.actAsSubscriber(started.nextAction(), true);
        ChargeResult r = client.charges().orElseThrow().status(started.charge());
        assertThat(r.state()).isEqualTo(ChargeState.DENIED);
        assertThat(r.failureReason()).isEqualTo(reason);
        assertThat(r.rawState()).isEqualTo("Denied");
    }

    @Test
    void insufficientFundsWaitsForATopUpThenIsDenied(B2mAocSimulator sim, BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow()
                .charge(sim.sampleCharge(magic(sim, MagicMsisdn.INSUFFICIENT_FUNDS)));
        sim.actAsSubscriber(started.nextAction(), true);
        ChargeResult waiting = client.charges().orElseThrow().status(started.charge());
        assertThat(waiting.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
        assertThat(waiting.rawState()).isEqualTo("pending_topup");
        sim.settle(started.charge());
        ChargeResult denied = client.charges().orElseThrow().status(started.charge());
        assertThat(denied.state()).isEqualTo(ChargeState.DENIED);
        assertThat(denied.failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
        assertThat(denied.details()).containsEntry("errorCode", "AOC1007");
    }

    @Test
    void theSubscriberMayRefuse(B2mAocSimulator sim, BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        sim.actAsSubscriber(started.nextAction(), false);
        ChargeResult r = client.charges().orElseThrow().status(started.charge());
        assertThat(r.state()).isEqualTo(ChargeState.DENIED);
        assertThat(r.failureReason()).isEqualTo(FailureReason.DENIED);
        assertThat(r.details()).containsEntry("errorCode", "AOC1004");
    }

    @Test
    void getTokenFailurePathsAreTyped(B2mAocSimulator sim, BillingProvider client) {
        assertThatThrownBy(() -> client.charges().orElseThrow()
                .charge(sim.sampleCharge(magic(sim, MagicMsisdn.UNKNOWN_SUBSCRIBER))))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.providerCode()).hasValue("AOC0001"));
        assertThatThrownBy(() -> client.charges().orElseThrow()
                .charge(sim.sampleCharge(magic(sim, MagicMsisdn.ALREADY_SUBSCRIBED))))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.providerCode()).hasValue("AOC1002");
                    assertThat(e.httpStatus()).hasValue(203);
                });
        try (B2mAocClient aoc = typed(sim, TokenRequestMethod.GET)) {
            assertThatThrownBy(() -> aoc.requestCharge("UNKNOWN", sim.sampleMsisdn()))
                    .isInstanceOfSatisfying(NotFoundException.class,
                            e -> assertThat(e.providerCode()).hasValue("AOC1018"));
            assertThatThrownBy(() -> aoc.requestCharge("GAMES", Msisdn.of("8801912345")))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void unknownIdsAreNotFound(B2mAocSimulator sim, BillingProvider client) {
        assertThatThrownBy(() -> client.charges().orElseThrow().status(ChargeRef.of("AOCnope")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.providerCode()).hasValue("AOC0003"));
        assertThatThrownBy(() -> client.subscriptions().orElseThrow()
                .status(SubscriptionRef.of("999999999", sim.sampleMsisdn())))
                .isInstanceOfSatisfying(NotFoundException.class, e -> assertThat(e.providerCode()).hasValue("AOC2003"));
        assertThatThrownBy(() -> client.renewals().orElseThrow()
                .renew(SubscriptionRef.of("999999999", sim.sampleMsisdn())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anOutageIsProviderUnavailableAndASlowAnswerATransportError(B2mAocSimulator sim) {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        try (BillingProvider c = BillingProviders.create("b2m-aoc", config)) {
            assertThatThrownBy(() -> c.charges().orElseThrow()
                    .charge(sim.sampleCharge(magic(sim, MagicMsisdn.PROVIDER_OUTAGE))))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class,
                            e -> assertThat(e.isRetryable()).isTrue());
        }
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create("b2m-aoc", config)) {
            assertThatThrownBy(() -> c.charges().orElseThrow()
                    .charge(sim.sampleCharge(magic(sim, MagicMsisdn.SLOW_ANSWER))))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void resetForgetsEverything(B2mAocSimulator sim, BillingProvider client) {
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        sim.actAsSubscriber(started.nextAction(), true);
        sim.reset();
        assertThat(sim.notifications()).isEmpty();
        assertThat(sim.requests()).isEmpty();
        assertThatThrownBy(() -> client.charges().orElseThrow().status(started.charge()))
                .isInstanceOf(NotFoundException.class);
    }
}
