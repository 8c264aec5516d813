package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.SubscriptionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the state of a subscription (--subscription/--msisdn) or of a charge (--charge).",
                "Exits 0 whenever the provider answered, whatever state it reports."})
final class StatusCommand extends ProviderCommand {

    @Mixin
    RefOptions ref;

    @Option(names = "--charge", paramLabel = "ID", description = "A charge or transaction id.")
    String chargeId;

    @Override
    void validate() {
        if (chargeId == null) {
            ref.ref();
        } else if (chargeId.isBlank()) {
            throw CliException.usage("--charge must not be blank");
        }
    }

    @Override
    int run(BillingProvider client, Output out) {
        if (chargeId != null) {
            ChargeResult c = require(client.charges(), client, "charge status").status(ChargeRef.of(chargeId));
            out.result(Print.charge(c), Shapes.charge(client.id(), c));
        } else {
            SubscriptionInfo i = require(client.subscriptions(), client, "subscription status").status(ref.ref());
            out.result(Print.info(i), Shapes.info(client.id(), i));
        }
        return ExitCodes.OK;
    }
}
