package io.dcb4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The neutral contract every provider passes: the same scenarios through {@link BillingProvider} against
 * each provider's simulator, skipping only what the provider's {@code capabilities()} says it lacks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTest {

    private final Map<String, Simulator> sims = new HashMap<>();
    private final Map<String, BillingProvider> clients = new HashMap<>();

    static Stream<String> providers() {
        return Simulators.ids().stream();
    }

    @BeforeAll
    void start() {
        for (String id : Simulators.ids()) {
            Simulator sim = Simulators.start(id);
            sims.put(id, sim);
            clients.put(id, sim.newClient());
        }
    }

    @AfterAll
    void stop() {
        clients.values().forEach(BillingProvider::close);
        sims.values().forEach(Simulator::close);
    }

    @BeforeEach
    void reset() {
        sims.values().forEach(Simulator::reset);
    }

    private BillingProvider client(String id) {
        return clients.get(id);
    }

    private static void assume(BillingProvider client, Capability capability) {
        assumeThat(client.capabilities()).as(client.id() + " capabilities").contains(capability);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void everyProviderModuleIsRegisteredAndItsAccessorsMatchItsCapabilities(String id) {
        assertThat(BillingProviders.available()).contains(id);
        BillingProvider c = client(id);
        assertThat(c.id()).isEqualTo(id);
        Set<Capability> caps = c.capabilities();
        assertThat(c.pinSubscriptions().isPresent()).isEqualTo(caps.contains(Capability.PIN_SUBSCRIPTION));
        assertThat(c.charges().isPresent())
                .isEqualTo(caps.contains(Capability.ONE_OFF_CHARGE) || caps.contains(Capability.CHARGE_STATUS));
        assertThat(c.subscriptions().isPresent()).isEqualTo(caps.contains(Capability.SUBSCRIPTION_STATUS)
                || caps.contains(Capability.CANCEL) || caps.contains(Capability.RENEW));
        assertThat(c.notifications().isPresent()).isEqualTo(caps.contains(Capability.NOTIFICATIONS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void subscribeWithPinThenStatusThenCancel(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.PIN_SUBSCRIPTION);
        Simulator sim = sims.get(id);
        SubscriptionRef ref = subscribe(sim, c, sim.sampleMsisdn());
        if (c.supports(Capability.SUBSCRIPTION_STATUS)) {
            SubscriptionInfo info = c.subscriptions().orElseThrow().status(ref);
            assertThat(info.state()).isEqualTo(SubscriptionState.ACTIVE);
        }
        if (c.supports(Capability.CANCEL)) {
            assertThat(c.subscriptions().orElseThrow().cancel(ref).state()).isEqualTo(SubscriptionState.CANCELLED);
            if (c.supports(Capability.SUBSCRIPTION_STATUS)) {
                assertThat(c.subscriptions().orElseThrow().status(ref).state())
                        .isIn(SubscriptionState.CANCELLED, SubscriptionState.EXPIRED);
            }
        }
    }

    private static SubscriptionRef subscribe(Simulator sim, BillingProvider c, Msisdn msisdn) {
        PinSubscriptions pins = c.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        assertThat(challenge.provider()).isEqualTo(c.id());
        if (challenge.nextAction().type() != NextAction.Type.ENTER_PIN) {
            sim.actAsSubscriber(challenge.nextAction(), true);
        }
        String pin = sim.pinSentTo(msisdn).orElseThrow();
        SubscriptionResult result = pins.confirmPin(challenge, pin);
        assertThat(result.state()).isEqualTo(SubscriptionState.ACTIVE);
        return result.subscription();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aWrongPinIsAnInvalidPinException(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.PIN_SUBSCRIPTION);
        Simulator sim = sims.get(id);
        Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
        PinSubscriptions pins = c.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(wrong));
        assertThatThrownBy(() -> pins.confirmPin(challenge, sim.pinSentTo(wrong).orElse("0000")))
                .isInstanceOf(InvalidPinException.class)
                .satisfies(e -> assertThat(((DcbException) e).provider()).isEqualTo(id));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aOneOffChargeSucceedsOnceTheSubscriberActs(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.ONE_OFF_CHARGE);
        Simulator sim = sims.get(id);
        ChargeResult result = chargeAndSettle(sim, c, sim.sampleMsisdn());
        assertThat(result.state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(result.failureReason()).isNull();
    }

    private static ChargeResult chargeAndSettle(Simulator sim, BillingProvider c, Msisdn msisdn) {
        Charges charges = c.charges().orElseThrow();
        ChargeResult started = charges.charge(sim.sampleCharge(msisdn));
        if (started.nextAction().type() != NextAction.Type.NONE) {
            sim.actAsSubscriber(started.nextAction(), true);
        }
        if (!c.supports(Capability.CHARGE_STATUS)) {
            return started;
        }
        ChargeRef ref = started.charge();
        ChargeResult polled = charges.status(ref);
        if (!polled.state().isFinal()) {
            sim.settle(ref);
            polled = charges.status(ref);
        }
        return polled;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void insufficientFundsIsADeniedChargeOrATypedException(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.ONE_OFF_CHARGE);
        Simulator sim = sims.get(id);
        Msisdn poor = MagicMsisdn.INSUFFICIENT_FUNDS.applyTo(sim.sampleMsisdn().digits());
        try {
            ChargeResult r = chargeAndSettle(sim, c, poor);
            assertThat(r.state()).isEqualTo(ChargeState.DENIED);
            assertThat(r.failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
        } catch (InsufficientFundsException e) {
            assertThat(e.provider()).isEqualTo(id);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void everyCallbackOfAFlowParsesToAKnownEventWithAStableId(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.NOTIFICATIONS);
        Simulator sim = sims.get(id);
        if (c.supports(Capability.PIN_SUBSCRIPTION)) {
            SubscriptionRef ref = subscribe(sim, c, sim.sampleMsisdn());
            if (c.supports(Capability.CANCEL)) {
                c.subscriptions().orElseThrow().cancel(ref);
            }
        }
        if (c.supports(Capability.ONE_OFF_CHARGE)) {
            chargeAndSettle(sim, c, sim.sampleMsisdn());
        }
        assertThat(sim.notifications()).as("callbacks generated by the flow").isNotEmpty();
        for (InboundNotification n : sim.notifications()) {
            BillingEvent first = c.notifications().orElseThrow().parse(n);
            BillingEvent again = c.notifications().orElseThrow().parse(n);
            assertThat(first.provider()).isEqualTo(id);
            assertThat(first.type()).isNotEqualTo(BillingEvent.Type.UNKNOWN);
            assertThat(first.eventId()).isNotBlank().isEqualTo(again.eventId());
            assertThat(first.acknowledgement().status()).isBetween(200, 299);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aProviderOutageIsProviderUnavailable(String id) {
        Simulator sim = sims.get(id);
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        try (BillingProvider c = BillingProviders.create(id, config)) {
            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> firstCall(sim, c, down))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> assertThat(((DcbException) e).isRetryable()).isTrue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aSlowAnswerPastTheReadTimeoutIsATransportException(String id) {
        Simulator sim = sims.get(id);
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create(id, config)) {
            Msisdn slow = MagicMsisdn.SLOW_ANSWER.applyTo(sim.sampleMsisdn().digits());
            assertThatThrownBy(() -> firstCall(sim, c, slow)).isInstanceOf(DcbTransportException.class);
        }
    }

    private static void firstCall(Simulator sim, BillingProvider c, Msisdn msisdn) {
        if (c.supports(Capability.PIN_SUBSCRIPTION)) {
            c.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(msisdn));
        } else {
            c.charges().orElseThrow().charge(sim.sampleCharge(msisdn));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void anUnknownSubscriptionIsNotFound(String id) {
        BillingProvider c = client(id);
        assume(c, Capability.SUBSCRIPTION_STATUS);
        Simulator sim = sims.get(id);
        assertThatThrownBy(() -> c.subscriptions().orElseThrow()
                .status(SubscriptionRef.of("999999999", sim.sampleMsisdn())))
                .isInstanceOf(NotFoundException.class);
    }
}
