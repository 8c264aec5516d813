package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.model.CancelResult;
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
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walk every provider's billing flow against in-process simulators (no network, no credentials).",
                "Each provider's simulator is started on loopback and its full flow runs through the neutral",
                "API: PIN request and confirm or consent redirect, status, charge, two-step charges confirmed",
                "and cancelled, refunds, renew, cancel, callbacks parsed, and one failure path. Exits 0 only if",
                "every flow ended as expected."})
final class DemoCommand implements Callable<Integer> {

    @Option(names = {"-p", "--provider"}, paramLabel = "ID",
            description = "Only these providers (repeatable); all by default.")
    List<String> only = new ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Thrown when a step's outcome is not the expected one. */
    static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Set<String> ids = new TreeSet<>(only.isEmpty() ? Simulators.ids() : only);
        for (String id : ids) {
            if (!Simulators.ids().contains(id)) {
                throw new IllegalArgumentException("no simulator for provider '" + id + "'; known: " + Simulators.ids());
            }
        }
        out.println("dcb demo: " + ids.size() + " provider flows against in-process simulators"
                + " (loopback only, no credentials)");
        int passed = 0;
        int failed = 0;
        for (String id : ids) {
            if (new Flow(id, out).run()) {
                passed++;
            } else {
                failed++;
            }
            out.flush();
        }
        out.println();
        out.println("demo: " + passed + " flows passed, " + failed + " failed");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    /** One provider's walk. */
    private static final class Flow {
        private final String id;
        private final PrintWriter out;
        private int steps;

        Flow(String id, PrintWriter out) {
            this.id = id;
            this.out = out;
        }

        boolean run() {
            long start = System.nanoTime();
            out.println();
            try (Simulator sim = Simulators.start(id); BillingProvider client = sim.newClient()) {
                out.println(id + "  (simulator at " + sim.baseUrl() + ")");
                Set<Capability> caps = client.capabilities().isEmpty() ? Set.of()
                        : EnumSet.copyOf(client.capabilities());
                out.println("  capabilities: " + caps);
                walk(sim, client, caps);
                out.printf("  ok: %d steps in %d ms%n", steps, (System.nanoTime() - start) / 1_000_000);
                return true;
            } catch (RuntimeException e) {
                out.println("  FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                return false;
            }
        }

        private void walk(Simulator sim, BillingProvider client, Set<Capability> caps) {
            Msisdn msisdn = sim.sampleMsisdn();
            SubscriptionRef subscription = null;
            ChargeResult charged = null;
            if (caps.contains(Capability.PIN_SUBSCRIPTION)) {
                PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
                PinChallenge challenge = step("request PIN", () -> pins.requestPin(sim.sampleSubscribeRequest(msisdn)),
                        c -> msisdn + ", offer " + c.request().offer() + " -> " + Print.challenge(c));
                if (challenge.nextAction().type() != NextAction.Type.ENTER_PIN) {
                    step("subscriber acts", () -> {
                        sim.actAsSubscriber(challenge.nextAction(), true);
                        return challenge.nextAction();
                    }, Print::action);
                }
                String pin = sim.pinSentTo(msisdn).orElseThrow(() -> new Unexpected("the simulator sent no PIN"));
                SubscriptionResult result = step("confirm PIN", () -> pins.confirmPin(challenge, pin), Print::subscription);
                expect(result.state() == SubscriptionState.ACTIVE, "subscription should be ACTIVE");
                subscription = result.subscription();
            }
            if (caps.contains(Capability.ONE_OFF_CHARGE)) {
                Charges charges = client.charges().orElseThrow();
                ChargeResult started = step("charge", () -> charges.charge(sim.sampleCharge(msisdn)), Print::charge);
                ChargeResult settled = settle(sim, charges, caps, started);
                expect(settled.state() == ChargeState.SUCCEEDED, "charge should have SUCCEEDED, is " + settled.state());
                charged = settled;
                if (subscription == null && settled.subscription() != null) {
                    subscription = settled.subscription();
                } else if (subscription == null && started.subscription() != null) {
                    subscription = started.subscription();
                }
            }
            if (charged != null && caps.contains(Capability.REFUND)) {
                refund(client, charged);
            }
            if (caps.contains(Capability.CONFIRM_CHARGE)) {
                twoStep(sim, client, caps, msisdn);
            }
            if (subscription != null && caps.contains(Capability.SUBSCRIPTION_STATUS)) {
                SubscriptionRef ref = subscription;
                SubscriptionInfo info = step("subscription status", () -> client.subscriptions().orElseThrow().status(ref),
                        Print::info);
                expect(info.state() == SubscriptionState.ACTIVE, "subscription should be ACTIVE, is " + info.state());
            }
            if (subscription != null && caps.contains(Capability.RENEW)) {
                SubscriptionRef ref = subscription;
                RenewResult renewed = step("renew", () -> client.renewals().orElseThrow().renew(ref), Print::renew);
                subscription = renewed.current();
            }
            if (subscription != null && caps.contains(Capability.CANCEL)) {
                Cancellations cancellations = client.cancellations().orElseThrow();
                SubscriptionRef ref = subscription;
                CancelResult cancelled = step("cancel", () -> cancellations.cancel(ref), Print::cancel);
                expect(cancelled.state() == SubscriptionState.CANCELLED, "subscription should be CANCELLED");
            }
            if (caps.contains(Capability.NOTIFICATIONS)) {
                for (InboundNotification n : sim.notifications()) {
                    BillingEvent event = step("callback parsed", () -> client.notifications().orElseThrow().parse(n),
                            Print::event);
                    expect(event.type() != BillingEvent.Type.UNKNOWN, "a callback parsed to an UNKNOWN event");
                }
            }
            failurePath(sim, client, caps);
        }

        /** A billed charge refunded in part, then its status. */
        private void refund(BillingProvider client, ChargeResult charged) {
            Refunds refunds = client.refunds().orElseThrow();
            Money part = Money.of(charged.amount().amount().divide(java.math.BigDecimal.valueOf(2)),
                    charged.amount().currency());
            RefundResult refunded = step("refund", () -> refunds.refund(RefundRequest.builder(charged.charge())
                    .amount(part).reason("demo").build()), Print::refund);
            expect(refunded.state() != RefundState.DENIED, "refund should not be DENIED");
            step("refund status", () -> refunds.status(refunded.refund()), Print::refund);
        }

        /** A charge that waits for the merchant: confirmed (with the code when it asks one), another cancelled. */
        private void twoStep(Simulator sim, BillingProvider client, Set<Capability> caps, Msisdn msisdn) {
            Charges charges = client.charges().orElseThrow();
            ChargeResult reserved = step("reserve charge", () -> charges.charge(sim.sampleChargeToConfirm(msisdn)),
                    Print::charge);
            String code = reserved.nextAction().type() == NextAction.Type.ENTER_PIN
                    ? sim.pinSentTo(msisdn).orElseThrow(() -> new Unexpected("the simulator sent no code")) : null;
            ChargeResult confirmed = step("confirm charge", () -> client.chargeConfirmations().orElseThrow()
                    .confirm(reserved, code), Print::charge);
            if (!confirmed.state().isFinal()) {
                confirmed = settle(sim, charges, caps, confirmed);
            }
            expect(confirmed.state() == ChargeState.SUCCEEDED, "confirmed charge should have SUCCEEDED, is "
                    + confirmed.state());
            if (caps.contains(Capability.CANCEL_CHARGE)) {
                ChargeResult other = step("reserve charge", () -> charges.charge(sim.sampleChargeToConfirm(msisdn)),
                        Print::charge);
                ChargeResult cancelled = step("cancel charge", () -> client.chargeCancellations().orElseThrow()
                        .cancel(other.charge()), Print::charge);
                expect(cancelled.state() == ChargeState.CANCELLED, "cancelled charge should be CANCELLED, is "
                        + cancelled.state());
            }
        }

        private ChargeResult settle(Simulator sim, Charges charges, Set<Capability> caps, ChargeResult started) {
            ChargeResult current = started;
            if (current.nextAction().type() != NextAction.Type.NONE) {
                NextAction action = current.nextAction();
                step("subscriber acts", () -> {
                    sim.actAsSubscriber(action, true);
                    return action;
                }, Print::action);
            }
            if (caps.contains(Capability.CHARGE_STATUS)) {
                ChargeResult polled = step("charge status", () -> charges.status(started.charge()), Print::charge);
                if (!polled.state().isFinal()) {
                    step("provider settles", () -> {
                        sim.settle(started.charge());
                        return started.charge().id();
                    }, s -> "charge " + s);
                    polled = step("charge status", () -> charges.status(started.charge()), Print::charge);
                }
                current = polled;
            }
            return current;
        }

        private void failurePath(Simulator sim, BillingProvider client, Set<Capability> caps) {
            if (caps.contains(Capability.PIN_SUBSCRIPTION)) {
                Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
                PinSubscriptions pins = client.pinSubscriptions().orElseThrow();
                step("failure path: wrong PIN", () -> {
                    PinChallenge c = pins.requestPin(sim.sampleSubscribeRequest(wrong));
                    try {
                        pins.confirmPin(c, sim.pinSentTo(wrong).orElse("0000"));
                    } catch (InvalidPinException e) {
                        return e;
                    }
                    throw new Unexpected("a wrong PIN was accepted");
                }, e -> "InvalidPinException, retryable by the subscriber, provider code "
                        + e.providerCode().orElse("-"));
            } else if (caps.contains(Capability.ONE_OFF_CHARGE)) {
                Msisdn poor = MagicMsisdn.INSUFFICIENT_FUNDS.applyTo(sim.sampleMsisdn().digits());
                Charges charges = client.charges().orElseThrow();
                step("failure path: insufficient funds", () -> {
                    try {
                        ChargeResult r = settle(sim, charges, caps, charges.charge(sim.sampleCharge(poor)));
                        if (r.state() == ChargeState.DENIED && r.failureReason() == FailureReason.INSUFFICIENT_FUNDS) {
                            return "charge DENIED, failure INSUFFICIENT_FUNDS";
                        }
                        throw new Unexpected("charge should be DENIED for insufficient funds, is " + r.state());
                    } catch (InsufficientFundsException e) {
                        return "InsufficientFundsException, provider code " + e.providerCode().orElse("-");
                    }
                }, s -> s);
            }
        }

        private <T> T step(String name, Supplier<T> action, java.util.function.Function<T, Object> describe) {
            long t0 = System.nanoTime();
            T result;
            try {
                result = action.get();
            } catch (RuntimeException e) {
                out.printf("  [%5d ms] %-32s FAILED%n", (System.nanoTime() - t0) / 1_000_000, name);
                throw e;
            }
            steps++;
            out.printf("  [%5d ms] %-32s %s%n", (System.nanoTime() - t0) / 1_000_000, name, describe.apply(result));
            out.flush();
            return result;
        }

        private static void expect(boolean condition, String message) {
            if (!condition) {
                throw new Unexpected(message);
            }
        }
    }
}
