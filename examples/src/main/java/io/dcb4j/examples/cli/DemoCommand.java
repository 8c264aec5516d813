package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Walk every provider's billing flow against in-process simulators.",
                "No network, no credentials. Each provider's simulator starts on loopback and",
                "its full flow runs through the neutral API: PIN request and confirm or",
                "consent redirect, status, charge, two-step charges confirmed and cancelled,",
                "refunds, renew, cancel, callbacks parsed, and one failure path. Steps marked",
                "'sim' are played by the simulator (the subscriber or the provider); the others",
                "are dcb4j calls. Exits 0 only if every flow ended as expected, 1 if not."})
final class DemoCommand extends CliCommand {

    @Option(names = {"-p", "--provider"}, paramLabel = "ID",
            description = "Only these providers (repeatable); all by default.")
    List<String> only = new ArrayList<>();

    /** Thrown when a step's outcome is not the expected one. */
    static final class Unexpected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unexpected(String message) {
            super(message);
        }
    }

    @Override
    public Integer call() {
        Output out = output();
        Set<String> ids = new TreeSet<>(only.isEmpty() ? Simulators.ids() : only);
        for (String id : ids) {
            if (!Simulators.ids().contains(id)) {
                throw CliException.usage("no simulator for provider '" + io.dcb4j.core.ProviderText.clean(id)
                        + "'; known: " + Simulators.ids());
            }
        }
        out.line("dcb demo: " + count(ids.size(), "provider flow") + " against in-process simulators"
                + " (loopback only, no credentials)");
        out.line("Steps marked 'sim' are played by the simulator (the subscriber or the provider); the others"
                + " are dcb4j calls.");
        int passed = 0;
        int failed = 0;
        for (String id : ids) {
            if (new Flow(id, out).run()) {
                passed++;
            } else {
                failed++;
            }
        }
        out.line("");
        out.result("demo: " + count(passed, "flow") + " passed, " + failed + " failed",
                Output.object("type", "demoSummary", "passed", passed, "failed", failed));
        return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** "1 flow", "5 flows". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** One provider's walk. */
    private static final class Flow {
        private final String id;
        private final Output out;
        private String indent = "  ";
        private String part = "flow";
        private int steps;

        Flow(String id, Output out) {
            this.id = id;
            this.out = out;
        }

        boolean run() {
            long start = System.nanoTime();
            out.line("");
            try (Simulator sim = Simulators.start(id); BillingProvider client = sim.newClient()) {
                EnumSet<Capability> caps = ProviderCommand.capabilities(client);
                out.line(id + "  (simulator at " + sim.baseUrl() + ")");
                out.line("  capabilities: " + caps);
                out.document(Output.object("type", "demoFlow", "provider", id, "simulator", sim.baseUrl(),
                        "capabilities", caps.stream().map(Enum::name).toList()));
                walk(sim, client, caps);
                long ms = (System.nanoTime() - start) / 1_000_000;
                out.result(String.format("  ok: %d steps in %d ms", steps, ms),
                        Output.object("type", "demoResult", "provider", id, "passed", true, "steps", steps, "ms", ms));
                return true;
            } catch (RuntimeException e) {
                String why = e.getClass().getSimpleName() + ": " + Failures.message(e);
                out.result("  FAILED: " + why, Output.object("type", "demoResult", "provider", id, "passed", false,
                        "steps", steps, "error", why));
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
                    subscriberApproves(sim, challenge.nextAction());
                }
                String pin = sim.pinSentTo(msisdn).orElseThrow(() -> new Unexpected("the simulator sent no PIN"));
                simStep("subscriber reads the PIN", () -> "PIN sent by SMS to " + msisdn);
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

        private void subscriberApproves(Simulator sim, NextAction action) {
            simStep("subscriber approves", () -> {
                sim.actAsSubscriber(action, true);
                return Print.action(action);
            });
        }

        /** A billed charge refunded in part, then its status. */
        private void refund(BillingProvider client, ChargeResult charged) {
            Refunds refunds = client.refunds().orElseThrow();
            Money part = Money.of(charged.amount().amount().divide(java.math.BigDecimal.valueOf(2),
                    charged.amount().currency().getDefaultFractionDigits(), java.math.RoundingMode.DOWN),
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
            String code = null;
            if (reserved.nextAction().type() == NextAction.Type.ENTER_PIN) {
                code = sim.pinSentTo(msisdn).orElseThrow(() -> new Unexpected("the simulator sent no code"));
                simStep("subscriber reads the code", () -> "code sent by SMS to " + msisdn);
            }
            String typed = code;
            ChargeResult confirmed = step("confirm charge", () -> client.chargeConfirmations().orElseThrow()
                    .confirm(reserved, typed), Print::charge);
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
                subscriberApproves(sim, current.nextAction());
            }
            if (caps.contains(Capability.CHARGE_STATUS)) {
                ChargeResult polled = step("charge status", () -> charges.status(started.charge()), Print::charge);
                if (!polled.state().isFinal()) {
                    simStep("provider settles", () -> {
                        sim.settle(started.charge());
                        return "charge " + io.dcb4j.core.ProviderText.printable(started.charge().id());
                    });
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
                beginFailurePath("wrong PIN", wrong);
                PinChallenge c = step("request PIN", () -> pins.requestPin(sim.sampleSubscribeRequest(wrong)),
                        Print::challenge);
                InvalidPinException refused = step("confirm PIN", () -> {
                    try {
                        pins.confirmPin(c, sim.pinSentTo(wrong).orElse("0000"));
                    } catch (InvalidPinException e) {
                        return e;
                    }
                    throw new Unexpected("a wrong PIN was accepted");
                }, e -> "refused as expected: InvalidPinException, retryable by the subscriber, provider code "
                        + e.providerCode().orElse("-"));
                expect(refused != null, "a wrong PIN was accepted");
            } else if (caps.contains(Capability.ONE_OFF_CHARGE)) {
                Msisdn poor = MagicMsisdn.INSUFFICIENT_FUNDS.applyTo(sim.sampleMsisdn().digits());
                Charges charges = client.charges().orElseThrow();
                beginFailurePath("insufficient funds", poor);
                // refused at once (an exception) by some providers, denied later (a final state) by others
                Object answer = step("charge", () -> {
                    try {
                        return charges.charge(sim.sampleCharge(poor));
                    } catch (InsufficientFundsException e) {
                        return e;
                    }
                }, a -> a instanceof InsufficientFundsException e
                        ? "refused as expected: InsufficientFundsException, provider code " + e.providerCode().orElse("-")
                        : Print.charge((ChargeResult) a));
                if (!(answer instanceof ChargeResult started)) {
                    return;
                }
                ChargeResult r = settle(sim, charges, caps, started);
                if (r.state() != ChargeState.DENIED || r.failureReason() != FailureReason.INSUFFICIENT_FUNDS) {
                    throw new Unexpected("charge should be DENIED for insufficient funds, is " + r.state());
                }
                out.line(indent + "denied as expected: failure INSUFFICIENT_FUNDS");
            }
        }

        private void beginFailurePath(String name, Msisdn msisdn) {
            out.line("  failure path: " + name + " (magic MSISDN " + msisdn + ")");
            indent = "    ";
            part = "failure path: " + name;
        }

        /** A dcb4j call: timed. */
        private <T> T step(String name, Supplier<T> action, Function<T, Object> describe) {
            long t0 = System.nanoTime();
            T result;
            try {
                result = action.get();
            } catch (RuntimeException e) {
                long ms = (System.nanoTime() - t0) / 1_000_000;
                out.result(String.format("%s[%5d ms] %-26s FAILED", indent, ms, name),
                        stepDocument(name, "sdk", ms, "FAILED: " + e.getClass().getSimpleName()));
                throw e;
            }
            steps++;
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String text = String.valueOf(describe.apply(result));
            out.result(String.format("%s[%5d ms] %-26s %s", indent, ms, name, text), stepDocument(name, "sdk", ms, text));
            return result;
        }

        /** What the simulator plays (the subscriber or the provider): marked 'sim', not timed. */
        private void simStep(String name, Supplier<String> action) {
            String text;
            try {
                text = action.get();
            } catch (RuntimeException e) {
                out.result(String.format("%s[   sim  ] %-26s FAILED", indent, name),
                        stepDocument(name, "simulator", null, "FAILED: " + e.getClass().getSimpleName()));
                throw e;
            }
            steps++;
            out.result(String.format("%s[   sim  ] %-26s %s", indent, name, text),
                    stepDocument(name, "simulator", null, text));
        }

        private java.util.Map<String, Object> stepDocument(String name, String by, Long ms, String result) {
            return Output.object("type", "demoStep", "provider", id, "part", part, "step", name, "by", by, "ms", ms,
                    "result", result);
        }

        private static void expect(boolean condition, String message) {
            if (!condition) {
                throw new Unexpected(message);
            }
        }
    }
}
