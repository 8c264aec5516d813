package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
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
    void validate() {
        if (chargeId == null) {
            ref.ref();
        } else if (ref.id != null || ref.msisdn != null || ref.offer != null) {
            throw CliException.usage("give either --charge or a subscription (--subscription, --msisdn, --offer)");
        }
    }

    @Override
    int run(BillingProvider client, Output out) {
        if (chargeId != null) {
            ChargeResult c = require(client.chargeCancellations(), client, "charge cancellations")
                    .cancel(ChargeRef.of(chargeId));
            out.result(Print.charge(c), Shapes.charge(client.id(), c));
            return ExitCodes.OK;
        }
        CancelResult r = require(client.cancellations(), client, "cancel").cancel(ref.ref());
        out.result(Print.cancel(r), Shapes.cancel(client.id(), r));
        return ExitCodes.OK;
    }
}
