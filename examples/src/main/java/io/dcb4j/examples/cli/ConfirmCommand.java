package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Confirm the PIN the subscriber received (second half of a PIN subscription), or a charge",
                "that waits for the merchant (--charge: a reserved two-step charge, or one that waits for the code",
                "the subscriber received, with --authorization-id). The PIN or code is read from the terminal",
                "without echo, or from the first line of standard input."})
final class ConfirmCommand extends ProviderCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    /** A PIN subscription, or a charge. */
    static final class Target {
        @ArgGroup(exclusive = false, heading = "PIN subscription:%n")
        SubscribeOptions subscribe;

        @ArgGroup(exclusive = false, heading = "Charge waiting for the merchant:%n")
        ChargeTarget charge;
    }

    /** The charge to confirm. */
    static final class ChargeTarget {
        @Option(names = "--charge", paramLabel = "ID", required = true, description = "The charge id.")
        String id;

        @Option(names = "--authorization-id", paramLabel = "ID",
                description = "The authorization the charge printed: confirm with the code the subscriber received.")
        String authorizationId;
    }

    @Option(names = "--challenge", description = "The challenge id printed by 'dcb subscribe', if any.")
    String challengeId;

    @Override
    void validate() {
        if (target.subscribe != null) {
            target.subscribe.request(); // the number and the price, before a client is opened
        }
    }

    @Override
    int run(BillingProvider client, PrintWriter out) {
        if (target.charge != null) {
            return confirmCharge(client, out);
        }
        SubscribeOptions subscribe = target.subscribe;
        String pin = readPin(out);
        PinChallenge challenge = new PinChallenge(client.id(), challengeId, subscribe.request(), null,
                new NextAction.EnterPin(null), Map.of());
        SubscriptionResult r = require(client.pinSubscriptions(), client, "PIN subscriptions").confirmPin(challenge, pin);
        out.println(Print.subscription(r));
        return 0;
    }

    private int confirmCharge(BillingProvider client, PrintWriter out) {
        ChargeTarget c = target.charge;
        ChargeResult waiting = c.authorizationId == null
                ? new ChargeResult(ChargeRef.of(c.id), ChargeState.RESERVED, null, null, NextAction.none(), null, Map.of())
                : new ChargeResult(ChargeRef.of(c.id), ChargeState.PENDING_VALIDATION, null, null,
                        new NextAction.EnterPin(null), null, Map.of("authorizationId", c.authorizationId));
        String code = c.authorizationId == null ? null : readPin(out);
        out.println(Print.charge(require(client.chargeConfirmations(), client, "charge confirmations")
                .confirm(waiting, code)));
        return 0;
    }

    private static String readPin(PrintWriter out) {
        Console console = System.console();
        if (console != null) {
            char[] pin = console.readPassword("PIN: ");
            if (pin != null && pin.length > 0) {
                return new String(pin).strip();
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw new IllegalArgumentException("no PIN on standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the PIN from standard input");
        }
    }
}
