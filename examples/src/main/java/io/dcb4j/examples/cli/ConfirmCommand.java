package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Confirm the PIN the subscriber received (second half of a PIN subscription), or a charge",
                "that waits for the merchant (--charge: a reserved two-step charge, or one that waits for the code",
                "the subscriber received, with --authorization-id). The PIN or code is read from the terminal",
                "without echo, or from the first line of standard input. A wrong PIN or code exits 4 (refused);",
                "the subscriber may try again."})
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
    int run(BillingProvider client, Output out) {
        if (target.charge != null) {
            return confirmCharge(client, out);
        }
        var pins = require(client.pinSubscriptions(), client, "PIN subscriptions");
        String pin = readPin(out.json());
        PinChallenge challenge = new PinChallenge(client.id(), challengeId, target.subscribe.request(), null,
                new NextAction.EnterPin(null), Map.of());
        SubscriptionResult r = pins.confirmPin(challenge, pin);
        out.result(Print.subscription(r), Shapes.subscription(client.id(), r));
        return r.state() == SubscriptionState.SUSPENDED ? ExitCodes.REFUSED : ExitCodes.OK;
    }

    private int confirmCharge(BillingProvider client, Output out) {
        var confirmations = require(client.chargeConfirmations(), client, "charge confirmations");
        ChargeTarget c = target.charge;
        ChargeResult waiting = c.authorizationId == null
                ? new ChargeResult(ChargeRef.of(c.id), ChargeState.RESERVED, null, null, NextAction.none(), null,
                        Map.of())
                : new ChargeResult(ChargeRef.of(c.id), ChargeState.PENDING_VALIDATION, null, null,
                        new NextAction.EnterPin(null), null, Map.of("authorizationId", c.authorizationId));
        String code = c.authorizationId == null ? null : readPin(out.json());
        ChargeResult r = confirmations.confirm(waiting, code);
        out.result(Print.charge(r), Shapes.charge(client.id(), r));
        return switch (r.state()) {
            case DENIED, CANCELLED -> ExitCodes.REFUSED;
            case UNKNOWN -> ExitCodes.UNKNOWN_OUTCOME;
            default -> ExitCodes.OK;
        };
    }

    private static String readPin(boolean quiet) {
        Console console = System.console();
        if (console != null) {
            char[] pin = quiet ? console.readPassword() : console.readPassword("PIN: ");
            if (pin != null && pin.length > 0) {
                return new String(pin).strip();
            }
        }
        try {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw CliException.usage("no PIN on standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw CliException.usage("cannot read the PIN from standard input");
        }
    }
}
