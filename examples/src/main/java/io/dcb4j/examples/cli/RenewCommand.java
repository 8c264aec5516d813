package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.RenewResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "renew", mixinStandardHelpOptions = true,
        description = {"Renew a subscription now (prints the id to use from now on).",
                "Exits 4 when the renewal charge was denied."})
final class RenewCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Override
    void validate() {
        ref.ref();
    }

    @Override
    int run(BillingProvider client, Output out) {
        RenewResult r = require(client.renewals(), client, "renew").renew(ref.ref());
        out.result(Print.renew(r), Shapes.renew(client.id(), r));
        return r.chargeState() == ChargeState.DENIED || r.chargeState() == ChargeState.CANCELLED
                ? ExitCodes.REFUSED : ExitCodes.OK;
    }
}
