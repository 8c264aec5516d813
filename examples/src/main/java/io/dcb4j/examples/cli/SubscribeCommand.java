package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.PinChallenge;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "subscribe", mixinStandardHelpOptions = true,
        description = "Ask the provider to send a PIN to the subscriber (first half of a PIN subscription).")
final class SubscribeCommand extends ProviderCommand {

    @Mixin
    SubscribeOptions subscribe;

    @Override
    void validate() {
        subscribe.request(); // the number and the price, before a client is opened
    }

    @Override
    int run(BillingProvider client, PrintWriter out) {
        PinChallenge c = require(client.pinSubscriptions(), client, "PIN subscriptions").requestPin(subscribe.request());
        out.println(Print.challenge(c));
        out.println("Then run: dcb confirm --provider " + client.id() + " --msisdn <msisdn> --offer "
                + subscribe.offer + (c.challengeId() == null ? "" : " --challenge " + c.challengeId())
                + "  (the PIN is read from standard input)");
        return 0;
    }
}
