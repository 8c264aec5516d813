package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.PinChallenge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = {"Ask the provider to send a PIN to the subscriber (first half of a PIN subscription).",
                "Prints the 'dcb confirm' command to run next, with the same --provider,",
                "--config and --base-url (never a secret; the number as <msisdn>)."})
final class SubscribeCommand extends ProviderCommand {

    @Mixin
    SubscribeOptions subscribe;

    @Override
    void validate() {
        subscribe.request(); // the number and the price, before a client is opened
    }

    @Override
    int run(BillingProvider client, Output out) {
        PinChallenge c = require(client.pinSubscriptions(), client, "PIN subscriptions").requestPin(subscribe.request());
        List<String> next = new ArrayList<>(List.of("confirm"));
        next.addAll(providerOptions.repeat());
        next.addAll(subscribe.repeat());
        if (c.challengeId() != null) {
            next.add("--challenge");
            next.add(c.challengeId());
        }
        Map<String, Object> doc = Shapes.challenge(client.id(), c);
        doc.put("next", commandLine(next));
        out.result(Print.challenge(c), doc);
        out.line("Then run: " + commandLine(next) + "  (the PIN is read from standard input)");
        return ExitCodes.OK;
    }
}
