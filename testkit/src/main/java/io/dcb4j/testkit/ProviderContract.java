package io.dcb4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.IdempotencyConflictException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The neutral contract every provider passes, as a JUnit 5 class to extend: the same scenarios, through
 * {@link BillingProvider} only, against the provider's simulator, skipping (as an assumption, not a failure)
 * only what the provider's {@code capabilities()} says it lacks. A provider module extends it in its tests
 * and names its provider:
 *
 * <pre>{@code
 * class FooContractTest extends ProviderContract {
 *     FooContractTest() {
 *         super("foo");   // a SimulatorFactory for "foo" must be registered
 *     }
 * }
 * }</pre>
 *
 * <p>The client under test is built by the provider's {@link io.dcb4j.core.spi.BillingProviderFactory} from
 * {@link Simulator#clientConfig()}, so registration and configuration are part of the contract. Needs JUnit
 * Jupiter on the test class path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProviderContract {

    private final String providerId;
    private Simulator sim;
    private BillingProvider client;

    /**
     * Names the provider under test.
     *
     * @param providerId the provider id, with a registered {@link SimulatorFactory}
     */
    protected ProviderContract(String providerId) {
        this.providerId = providerId;
    }

    /**
     * Starts the provider's simulator; by default through {@link Simulators#start}. Override to start it
     * another way.
     *
     * @return the running simulator
     */
    protected Simulator startSimulator() {
        return Simulators.start(providerId);
    }

    /** Starts the simulator and builds the client once for all scenarios. */
    @BeforeAll
    protected final void startContract() {
        sim = startSimulator();
        client = sim.newClient();
    }

    /** Closes the client and the simulator. */
    @AfterAll
    protected final void stopContract() {
        if (client != null) {
            client.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** Forgets every subscription, charge and callback of the previous scenario. */
    @BeforeEach
    protected final void resetSimulator() {
        sim.reset();
    }

    private void assume(Capability capability) {
        assumeTrue(client.supports(capability), () -> providerId + " lacks " + capability);
    }

    /** The factory is registered, the ids match, and each neutral part is present exactly for its capability. */
    @Test
    public void registeredAndEveryPartMatchesItsCapability() {
        assertTrue(BillingProviders.available().contains(providerId), "registered with BillingProviders");
        assertEquals(providerId, client.id());
        Set<Capability> caps = client.capabilities();
        assertEquals(caps.contains(Capability.PIN_SUBSCRIPTION), client.pinSubscriptions().isPresent());
        assertEquals(caps.contains(Capability.ONE_OFF_CHARGE), client.charges().isPresent());
        assertEquals(caps.contains(Capability.CHARGE_STATUS), client.charges().isPresent());
        assertEquals(caps.contains(Capability.CONFIRM_CHARGE), client.chargeConfirmations().isPresent());
        assertEquals(caps.contains(Capability.CANCEL_CHARGE), client.chargeCancellations().isPresent());
        assertEquals(caps.contains(Capability.REFUND), client.refunds().isPresent());
        assertEquals(caps.contains(Capability.SUBSCRIPTION_STATUS), client.subscriptions().isPresent());
        assertEquals(caps.contains(Capability.CANCEL), client.cancellations().isPresent());
        assertEquals(caps.contains(Capability.RENEW), client.renewals().isPresent());
        assertEquals(caps.contains(Capability.NOTIFICATIONS), client.notifications().isPresent());
    }

    /** PIN subscribe gives ACTIVE; status says ACTIVE; cancel gives CANCELLED; status then says it ended. */
    @Test
    public void subscribeWithPinThenStatusThenCancel() {
        assume(Capability.PIN_SUBSCRIPTION);
        SubscriptionRef ref = subscribe(sim.sampleMsisdn());
        if (client.supports(Capability.SUBSCRIPTION_STATUS)) {
            assertEquals(SubscriptionState.ACTIVE, client.subscriptions().orElseThrow().status(ref).state());
        }
        if (client.supports(Capability.CANCEL)) {
            assertEquals(SubscriptionState.CANCELLED, client.cancellations().orElseThrow().cancel(ref).state());
            if (client.supports(Capability.SUBSCRIPTION_STATUS)) {
                SubscriptionState after = client.subscriptions().orElseThrow().status(ref).state();
                assertTrue(after == SubscriptionState.CANCELLED || after == SubscriptionState.EXPIRED,
                        "status after cancel: " + after);
            }
        }
    }

    private SubscriptionRef subscribe(Msisdn msisdn) {
        PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        assertEquals(providerId, challenge.provider());
        if (challenge.nextAction().type() != NextAction.Type.ENTER_PIN) {
            sim.actAsSubscriber(challenge.nextAction(), true);
        }
        String pin = sim.pinSentTo(msisdn).orElseThrow();
        SubscriptionResult result = pins.confirmPin(challenge, pin);
        assertEquals(SubscriptionState.ACTIVE, result.state());
        return result.subscription();
    }

    /** A wrong PIN is an {@link InvalidPinException} naming the provider. */
    @Test
    public void aWrongPinIsAnInvalidPinException() {
        assume(Capability.PIN_SUBSCRIPTION);
        Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
        PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(wrong));
        InvalidPinException e = assertThrows(InvalidPinException.class,
                () -> pins.confirmPin(challenge, sim.pinSentTo(wrong).orElse("0000")));
        assertEquals(providerId, e.provider());
    }

    /** A one-off charge ends SUCCEEDED once the subscriber acts and the provider settles. */
    @Test
    public void aOneOffChargeSucceedsOnceTheSubscriberActs() {
        assume(Capability.ONE_OFF_CHARGE);
        ChargeResult result = chargeAndSettle(sim.sampleMsisdn());
        assertEquals(ChargeState.SUCCEEDED, result.state());
        assertNull(result.failureReason());
    }

    private ChargeResult chargeAndSettle(Msisdn msisdn) {
        Charges charges = client.charges().orElseThrow();
        ChargeResult started = charges.charge(sim.sampleCharge(msisdn));
        if (started.nextAction().type() != NextAction.Type.NONE) {
            sim.actAsSubscriber(started.nextAction(), true);
        }
        ChargeRef ref = started.charge();
        ChargeResult polled = charges.status(ref);
        if (!polled.state().isFinal()) {
            sim.settle(ref);
            polled = charges.status(ref);
        }
        return polled;
    }

    /** Insufficient funds ends DENIED with that reason, or throws {@link InsufficientFundsException}. */
    @Test
    public void insufficientFundsIsADeniedChargeOrATypedException() {
        assume(Capability.ONE_OFF_CHARGE);
        Msisdn poor = MagicMsisdn.INSUFFICIENT_FUNDS.applyTo(sim.sampleMsisdn().digits());
        try {
            ChargeResult r = chargeAndSettle(poor);
            assertEquals(ChargeState.DENIED, r.state());
            assertEquals(FailureReason.INSUFFICIENT_FUNDS, r.failureReason());
        } catch (InsufficientFundsException e) {
            assertEquals(providerId, e.provider());
        }
    }

    /** A charge waiting for the merchant ends SUCCEEDED once confirmed, with the code when it asked for one. */
    @Test
    public void aChargeWaitingForTheMerchantSucceedsOnceConfirmed() {
        assume(Capability.CONFIRM_CHARGE);
        Msisdn msisdn = sim.sampleMsisdn();
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(msisdn));
        assertTrue(started.state() == ChargeState.RESERVED || started.state() == ChargeState.PENDING_VALIDATION,
                "a charge to confirm is reserved or pending validation: " + started.state());
        String code = started.nextAction().type() == NextAction.Type.ENTER_PIN ? sim.pinSentTo(msisdn).orElseThrow()
                : null;
        ChargeResult confirmed = client.chargeConfirmations().orElseThrow().confirm(started, code);
        if (!confirmed.state().isFinal()) {
            sim.settle(confirmed.charge());
            confirmed = client.charges().orElseThrow().status(confirmed.charge());
        }
        assertEquals(ChargeState.SUCCEEDED, confirmed.state());
        assertEquals(started.charge(), confirmed.charge());
    }

    /**
     * A confirmed charge is not confirmed again: the second confirmation is a {@link ConflictException} that no
     * retry mends, and the charge stays as the first confirmation left it. This is why confirmations need no
     * charge journal: repeating one after a timeout or a crash bills nothing twice.
     */
    @Test
    public void aSecondConfirmationOfAChargeIsRefusedAsAConflict() {
        assume(Capability.CONFIRM_CHARGE);
        Msisdn msisdn = sim.sampleMsisdn();
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(msisdn));
        String code = started.nextAction().type() == NextAction.Type.ENTER_PIN ? sim.pinSentTo(msisdn).orElseThrow()
                : null;
        ChargeResult confirmed = client.chargeConfirmations().orElseThrow().confirm(started, code);
        ConflictException e = assertThrows(ConflictException.class,
                () -> client.chargeConfirmations().orElseThrow().confirm(started, code));
        assertEquals(providerId, e.provider());
        assertFalse(e.isRetryable());
        assertEquals(confirmed.state(), client.charges().orElseThrow().status(started.charge()).state());
    }

    /** A wrong code on a charge that asks for one is an {@link InvalidPinException} naming the provider. */
    @Test
    public void aWrongCodeOnAChargeIsAnInvalidPinException() {
        assume(Capability.CONFIRM_CHARGE);
        Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(wrong));
        assumeTrue(started.nextAction().type() == NextAction.Type.ENTER_PIN,
                () -> providerId + " asks no code for this charge");
        InvalidPinException e = assertThrows(InvalidPinException.class,
                () -> client.chargeConfirmations().orElseThrow().confirm(started,
                        sim.pinSentTo(wrong).map(c -> c + "9").orElse("000000")));
        assertEquals(providerId, e.provider());
    }

    /** A charge that is not billed yet is CANCELLED once cancelled, and stays so. */
    @Test
    public void aChargeNotBilledYetIsCancelled() {
        assume(Capability.CANCEL_CHARGE);
        assume(Capability.CONFIRM_CHARGE);
        ChargeResult started = client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(sim.sampleMsisdn()));
        assertEquals(ChargeState.CANCELLED, client.chargeCancellations().orElseThrow().cancel(started.charge())
                .state());
        assertEquals(ChargeState.CANCELLED, client.charges().orElseThrow().status(started.charge()).state());
    }

    /** A billed charge is refunded in part, then wholly; each refund's status names it. */
    @Test
    public void aBilledChargeIsRefundedInPartThenWholly() {
        assume(Capability.REFUND);
        assume(Capability.ONE_OFF_CHARGE);
        ChargeRequest request = sim.sampleCharge(sim.sampleMsisdn());
        ChargeResult billed = chargeAndSettle(request.msisdn());
        assertEquals(ChargeState.SUCCEEDED, billed.state());
        Refunds refunds = client.refunds().orElseThrow();
        Money half = Money.of(request.amount().amount().divide(java.math.BigDecimal.valueOf(2)),
                request.amount().currency());
        RefundResult partial = refunds.refund(RefundRequest.builder(billed.charge()).amount(half)
                .reason("contract test").build());
        assertNotEquals(RefundState.DENIED, partial.state());
        assertEquals(billed.charge(), partial.refund().charge());
        assertEquals(half, partial.amount());
        RefundResult rest = refunds.refund(RefundRequest.builder(billed.charge()).build());
        assertNotEquals(RefundState.DENIED, rest.state());
        assertEquals(rest.refund(), refunds.status(rest.refund()).refund());
        assertNotEquals(partial.refund(), rest.refund());
    }

    /**
     * With a charge journal, a refund repeated with its idempotency key returns the first refund and sends
     * nothing, and another refund under that key is refused.
     */
    @Test
    public void aRefundRepeatedWithItsKeyThroughAChargeJournalIsSentOnce() {
        assume(Capability.REFUND);
        assume(Capability.ONE_OFF_CHARGE);
        ChargeResult billed = chargeAndSettle(sim.sampleMsisdn());
        try (BillingProvider journaled = BillingProviders.create(providerId, sim.clientConfig(),
                ClientOptions.builder().chargeJournal(ChargeJournal.inMemory()).build())) {
            Refunds refunds = journaled.refunds().orElseThrow();
            RefundRequest request = RefundRequest.builder(billed.charge()).reason("contract test")
                    .idempotencyKey("contract-refund-1").build();
            RefundResult first = refunds.refund(request);
            int sent = sim.requests().size();
            assertEquals(first, refunds.refund(request));
            assertEquals(sent, sim.requests().size(), "the repeated refund sent nothing");
            IdempotencyConflictException e = assertThrows(IdempotencyConflictException.class,
                    () -> refunds.refund(RefundRequest.builder(billed.charge()).reason("another")
                            .idempotencyKey("contract-refund-1").build()));
            assertEquals(IdempotencyConflictException.Reason.DIFFERENT_REQUEST, e.reason());
            assertEquals(sent, sim.requests().size(), "the refused refund sent nothing");
        }
    }

    /** Every callback of the flows parses to a known event, with the same id when parsed twice, and a 2xx. */
    @Test
    public void everyCallbackOfAFlowParsesToAKnownEventWithAStableId() {
        assume(Capability.NOTIFICATIONS);
        if (client.supports(Capability.PIN_SUBSCRIPTION)) {
            SubscriptionRef ref = subscribe(sim.sampleMsisdn());
            if (client.supports(Capability.CANCEL)) {
                client.cancellations().orElseThrow().cancel(ref);
            }
        }
        if (client.supports(Capability.ONE_OFF_CHARGE)) {
            chargeAndSettle(sim.sampleMsisdn());
        }
        if (client.supports(Capability.CONFIRM_CHARGE) && client.supports(Capability.CANCEL_CHARGE)) {
            ChargeResult reserved = client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(sim.sampleMsisdn()));
            client.chargeCancellations().orElseThrow().cancel(reserved.charge());
        }
        List<InboundNotification> callbacks = sim.notifications();
        assertFalse(callbacks.isEmpty(), "the flows generated callbacks");
        for (InboundNotification n : callbacks) {
            BillingEvent first = client.notifications().orElseThrow().parse(n);
            BillingEvent again = client.notifications().orElseThrow().parse(n);
            assertEquals(providerId, first.provider());
            assertNotEquals(BillingEvent.Type.UNKNOWN, first.type());
            assertFalse(first.eventId().isBlank());
            assertEquals(first.eventId(), again.eventId());
            int status = first.acknowledgement().status();
            assertTrue(status >= 200 && status < 300, "acknowledgement status " + status);
        }
    }

    /** An outage is a retryable {@link ProviderUnavailableException}. */
    @Test
    public void aProviderOutageIsProviderUnavailable() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        try (BillingProvider c = BillingProviders.create(providerId, config)) {
            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            ProviderUnavailableException e = assertThrows(ProviderUnavailableException.class, () -> firstCall(c, down));
            assertTrue(e.isRetryable());
        }
    }

    /** An answer slower than the read timeout is a {@link DcbTransportException}. */
    @Test
    public void aSlowAnswerPastTheReadTimeoutIsATransportException() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create(providerId, config)) {
            Msisdn slow = MagicMsisdn.SLOW_ANSWER.applyTo(sim.sampleMsisdn().digits());
            assertThrows(DcbTransportException.class, () -> firstCall(c, slow));
        }
    }

    private void firstCall(BillingProvider c, Msisdn msisdn) {
        if (c.supports(Capability.PIN_SUBSCRIPTION)) {
            c.pinSubscriptions().orElseThrow().requestPin(sim.sampleSubscribeRequest(msisdn));
        } else {
            c.charges().orElseThrow().charge(sim.sampleCharge(msisdn));
        }
    }

    /** The status of an unknown subscription is a {@link NotFoundException}. */
    @Test
    public void anUnknownSubscriptionIsNotFound() {
        assume(Capability.SUBSCRIPTION_STATUS);
        DcbException e = assertThrows(NotFoundException.class, () -> client.subscriptions().orElseThrow()
                .status(SubscriptionRef.of("999999999", sim.sampleMsisdn())));
        assertInstanceOf(NotFoundException.class, e);
    }
}
