package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = {"Confirm the PIN the subscriber received (second half of a PIN subscription).",
                "The PIN is read from the terminal without echo, or from the first line of",
                "standard input. A wrong PIN exits 4 (refused); the subscriber may try again."})
final class ConfirmCommand extends ProviderCommand {

    @Mixin
    SubscribeOptions subscribe;

    @Option(names = "--challenge", description = "The challenge id printed by 'dcb subscribe', if any.")
    String challengeId;

    @Override
    void validate() {
        subscribe.request(); // the number and the price, before a client is opened
    }

    @Override
    int run(BillingProvider client, Output out) {
        var pins = require(client.pinSubscriptions(), client, "PIN subscriptions");
        String pin = readPin(out.json());
        PinChallenge challenge = new PinChallenge(client.id(), challengeId, subscribe.request(), null,
                new NextAction.EnterPin(null), Map.of());
        SubscriptionResult r = pins.confirmPin(challenge, pin);
        out.result(Print.subscription(r), Shapes.subscription(client.id(), r));
        return r.state() == SubscriptionState.SUSPENDED ? ExitCodes.REFUSED : ExitCodes.OK;
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
