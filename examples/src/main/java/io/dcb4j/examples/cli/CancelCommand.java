package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel (unsubscribe) a subscription.")
final class CancelCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Override
    int run(BillingProvider client, PrintWriter out) {
        out.println(Print.cancel(require(client.cancellations(), client, "cancel").cancel(ref.ref())));
        return 0;
    }
}
