package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.CancelResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel (unsubscribe) a subscription.")
final class CancelCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Override
    void validate() {
        ref.ref();
    }

    @Override
    int run(BillingProvider client, Output out) {
        CancelResult r = require(client.cancellations(), client, "cancel").cancel(ref.ref());
        out.result(Print.cancel(r), Shapes.cancel(client.id(), r));
        return ExitCodes.OK;
    }
}
