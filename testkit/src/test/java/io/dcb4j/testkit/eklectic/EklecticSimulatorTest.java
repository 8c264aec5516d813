package io.dcb4j.testkit.eklectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EklecticSimulatorTest {

    static EklecticSimulator sim;
    static EklecticClient client;

    @BeforeAll
    static void start() {
        sim = (EklecticSimulator) Simulators.start("eklectic");
        client = (EklecticClient) sim.newClient();
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void theTypedHappyPathFromTokenToUnsubscribe() {
        Msisdn msisdn = sim.sampleMsisdn();
        OtpChallenge challenge = client.sendPin(msisdn, sim.sampleOffer());
        assertThat(challenge.code()).isNotBlank();
        assertThat(challenge.expiresAt()).isAfter(Instant.now());
        String pin = sim.pinSentTo(msisdn).orElseThrow();

        ConfirmResult confirmed = client.confirmPin(challenge, pin);
        Subscriber s = confirmed.subscriber();
        assertThat(confirmed.rawConfirm()).isEqualTo("OK");
        assertThat(s.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(s.msisdn()).isEqualTo(msisdn);
        assertThat(s.offer()).isEqualTo(sim.sampleOffer());
        assertThat(s.freePeriodStart()).isNull();
        assertThat(s.successfulBillings()).isZero();

        assertThat(client.findSubscription(msisdn, sim.sampleOffer())).isEqualTo(s.id());
        Subscriber details = client.subscription(s.id());
        assertThat(details.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(details.status()).isEqualTo(1);
        assertThat(details.expiresAt()).isAfter(details.subscribedAt());

        sim.renew(s.id());
        assertThat(client.subscription(s.id()).successfulBillings()).isEqualTo(1);

        client.unsubscribe(s.id());
        Subscriber after = client.subscription(s.id());
        assertThat(after.state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(after.rawState()).isEqualTo("UNSUBSCRIBED");
        assertThat(after.unsubscribedAt()).isNotNull();

        List<InboundNotification> callbacks = sim.notifications();
        assertThat(callbacks).hasSize(3);
        BillingEvent sub = client.notificationParser().parse(callbacks.get(0));
        BillingEvent renew = client.notificationParser().parse(callbacks.get(1));
        BillingEvent unsub = client.notificationParser().parse(callbacks.get(2));
        assertThat(sub.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(sub.subscription().orElseThrow().id()).isEqualTo(s.id());
        assertThat(sub.msisdn()).hasValue(msisdn);
        assertThat(sub.occurredAt()).isPresent();
        assertThat(renew.type()).isEqualTo(BillingEvent.Type.RENEWED);
        assertThat(renew.amount()).hasValue(Money.of("0.500", "TND"));
        assertThat(unsub.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(List.of(sub.eventId(), renew.eventId(), unsub.eventId())).doesNotHaveDuplicates();
        // the token was fetched once for the whole flow
        assertThat(tokenFetches()).isEqualTo(1);
    }

    @Test
    void theNeutralHappyPath() {
        try (BillingProvider p = sim.newClient()) {
            PinSubscriptions pins = p.pinSubscriptions().orElseThrow();
            Msisdn msisdn = sim.sampleMsisdn();
            PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
            assertThat(challenge.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
            SubscriptionResult result = pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElseThrow());
            assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);

            SubscriptionInfo byId = p.subscriptions().orElseThrow().status(result.subscription());
            assertThat(byId.state()).isEqualTo(SubscriptionState.ACTIVE);
            SubscriptionInfo byMsisdn = p.subscriptions().orElseThrow()
                    .status(SubscriptionRef.of(msisdn, sim.sampleOffer()));
            assertThat(byMsisdn.subscription().id()).isEqualTo(result.subscription().id());

            assertThat(p.cancellations().orElseThrow().cancel(result.subscription()).state())
                    .isEqualTo(SubscriptionState.CANCELLED);
            assertThat(p.subscriptions().orElseThrow().status(result.subscription()).state())
                    .isEqualTo(SubscriptionState.CANCELLED);
            for (InboundNotification n : sim.notifications()) {
                BillingEvent e = p.notifications().orElseThrow().parse(n);
                assertThat(e.type()).isNotEqualTo(BillingEvent.Type.UNKNOWN);
                assertThat(e.eventId()).isEqualTo(p.notifications().orElseThrow().parse(n).eventId());
            }
        }
    }

    @Test
    void aWrongPinIsKo() {
        Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
        OtpChallenge challenge = client.sendPin(wrong, sim.sampleOffer());
        assertThatThrownBy(() -> client.confirmPin(challenge, sim.pinSentTo(wrong).orElseThrow()))
                .isInstanceOf(InvalidPinException.class);
        OtpChallenge other = client.sendPin(sim.sampleMsisdn(), sim.sampleOffer());
        String right = sim.pinSentTo(sim.sampleMsisdn()).orElseThrow();
        assertThatThrownBy(() -> client.confirmPin(other, right.equals("0000") ? "1111" : "0000"))
                .isInstanceOf(InvalidPinException.class);
        assertThat(sim.notifications()).isEmpty();
    }

    @Test
    void alreadySubscribedIsANonRetryableConflict() {
        Msisdn already = MagicMsisdn.ALREADY_SUBSCRIBED.applyTo(sim.sampleMsisdn().digits());
        assertThatThrownBy(() -> client.sendPin(already, sim.sampleOffer()))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((DcbException) e).isRetryable()).isFalse());
        Msisdn msisdn = sim.sampleMsisdn();
        OtpChallenge c = client.sendPin(msisdn, sim.sampleOffer());
        client.confirmPin(c, sim.pinSentTo(msisdn).orElseThrow());
        assertThatThrownBy(() -> client.sendPin(msisdn, sim.sampleOffer())).isInstanceOf(ConflictException.class);
    }

    @Test
    void anUnknownSubscriberOrOfferIsAnInvalidRequest() {
        Msisdn unknown = MagicMsisdn.UNKNOWN_SUBSCRIBER.applyTo(sim.sampleMsisdn().digits());
        assertThatThrownBy(() -> client.sendPin(unknown, sim.sampleOffer()))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((DcbException) e).providerCode()).hasValue("invalid_msisdn"));
        assertThatThrownBy(() -> client.sendPin(sim.sampleMsisdn(), io.dcb4j.core.model.OfferId.of(999)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((DcbException) e).providerCode()).hasValue("invalid_offer"));
    }

    @Test
    void anOutageIsProviderUnavailableAndASlowAnswerATransportFailure() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        try (BillingProvider p = BillingProviders.create("eklectic", config)) {
            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(down)))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> assertThat(((DcbException) e).isRetryable()).isTrue());
        }
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider p = BillingProviders.create("eklectic", config)) {
            Msisdn slow = MagicMsisdn.SLOW_ANSWER.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(slow)))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void wrongCredentialsAreRejectedAndAnExpiredTokenIsRefreshed() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("client-secret", "not-the-secret");
        try (BillingProvider p = BillingProviders.create("eklectic", config)) {
            assertThatThrownBy(() -> p.subscriptions().orElseThrow().status(SubscriptionRef.of("1")))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((DcbException) e).operation()).isEqualTo("token"));
        }
        Msisdn msisdn = sim.sampleMsisdn();
        OtpChallenge c = client.sendPin(msisdn, sim.sampleOffer());
        String id = client.confirmPin(c, sim.pinSentTo(msisdn).orElseThrow()).subscriber().id();
        long fetched = tokenFetches();
        sim.expireTokens();
        assertThat(client.subscription(id).id()).isEqualTo(id);
        assertThat(tokenFetches()).isEqualTo(fetched + 1);
        assertThat(sim.requests().get(sim.requests().size() - 1).path()).endsWith("/subscription/" + id);
    }

    private static long tokenFetches() {
        return sim.requests().stream().filter(r -> r.path().endsWith("/oauth/token")).count();
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        assertThatThrownBy(() -> client.subscription("999999999")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.unsubscribe("999999999")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.findSubscription(sim.sampleMsisdn(), sim.sampleOffer()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExpiredPinChallengeIsNotAcceptedTwice() {
        Msisdn msisdn = sim.sampleMsisdn();
        OtpChallenge c = client.sendPin(msisdn, sim.sampleOffer());
        String pin = sim.pinSentTo(msisdn).orElseThrow();
        client.confirmPin(c, pin);
        assertThatThrownBy(() -> client.confirmPin(c, pin)).isInstanceOf(InvalidPinException.class);
        assertThat(Duration.between(Instant.now(), c.expiresAt())).isPositive();
    }

    @Nested
    @DcbSimulator("eklectic")
    class Injection {
        @Test
        void theExtensionInjectsTheSimulatorAndAClient(Simulator injected, BillingProvider provider) {
            assertThat(injected).isInstanceOf(EklecticSimulator.class);
            assertThat(provider.id()).isEqualTo("eklectic");
            Msisdn msisdn = injected.sampleMsisdn();
            PinChallenge challenge = provider.pinSubscriptions().orElseThrow()
                    .requestPin(injected.sampleSubscribeRequest(msisdn));
            assertThat(provider.pinSubscriptions().orElseThrow()
                    .confirmPin(challenge, injected.pinSentTo(msisdn).orElseThrow()).state())
                    .isEqualTo(SubscriptionState.ACTIVE);
        }
    }
}
