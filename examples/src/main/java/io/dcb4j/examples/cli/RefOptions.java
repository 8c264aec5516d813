package io.dcb4j.examples.cli;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import picocli.CommandLine.Option;

/** Identifies a subscription: an id, an id and an MSISDN, or an MSISDN and an offer. */
final class RefOptions {

    @Option(names = "--subscription", paramLabel = "ID", description = "The provider's subscription id.")
    String id;

    @Option(names = "--msisdn", description = "The subscriber (needed by some providers beside the id).")
    String msisdn;

    @Option(names = "--offer", description = "The offer (with --msisdn, when the id is not known).")
    String offer;

    SubscriptionRef ref() {
        if (id == null && msisdn == null) {
            throw CliException.usage("give --subscription, or --msisdn with --offer");
        }
        return new SubscriptionRef(id, msisdn == null ? null : Msisdn.of(msisdn), offer == null ? null : OfferId.of(offer));
    }
}
