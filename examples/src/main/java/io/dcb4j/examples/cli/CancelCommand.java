package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRef;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel (unsubscribe) a subscription, or cancel a charge that is not billed yet (--charge).")
final class CancelCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Option(names = "--charge", paramLabel = "ID", description = "A reserved charge to cancel instead.")
    String chargeId;

    @Override
    int run(BillingProvider client, PrintWriter out) {
        if (chargeId != null) {
            out.println(Print.charge(require(client.chargeCancellations(), client, "charge cancellations")
                    .cancel(ChargeRef.of(chargeId))));
            return 0;
        }
        out.println(Print.cancel(require(client.cancellations(), client, "cancel").cancel(ref.ref())));
        return 0;
    }
}
