package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the state of a subscription (--subscription/--msisdn) or of a charge (--charge).")
final class StatusCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Option(names = "--charge", paramLabel = "ID", description = "A charge or transaction id.")
    String chargeId;

    @Override
    int run(BillingProvider client, PrintWriter out) {
        if (chargeId != null) {
            out.println(Print.charge(require(client.charges(), client, "charge status").status(ChargeRef.of(chargeId))));
        } else {
            out.println(Print.info(require(client.subscriptions(), client, "subscription status").status(ref.ref())));
        }
        return 0;
    }
}
