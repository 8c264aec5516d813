package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "renew", mixinStandardHelpOptions = true,
        description = "Renew a subscription now (prints the id to use from now on).")
final class RenewCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Override
    int run(BillingProvider client, PrintWriter out) {
        out.println(Print.renew(require(client.renewals(), client, "renew").renew(ref.ref())));
        return 0;
    }
}
