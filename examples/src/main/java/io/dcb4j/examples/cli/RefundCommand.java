package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "refund", mixinStandardHelpOptions = true,
        description = {"Refund a billed charge: the whole charge, or --amount of it; or show a refund (--status).",
                "Prints the refund's id and state. Exits 4 when the refund is denied, 6 when its state is unknown."})
final class RefundCommand extends ProviderCommand {

    @Option(names = "--charge", paramLabel = "ID", required = true, description = "The charge to refund.")
    String chargeId;

    @Option(names = "--amount", description = "Refund only this much, for example 1.50 (with --currency).")
    String amount;

    @Option(names = "--currency", description = "ISO 4217 currency of --amount.")
    String currency;

    @Option(names = "--reason", description = "Why.")
    String reason;

    @Option(names = "--reference", description = "Your own reference of the refund.")
    String reference;

    @Option(names = "--idempotency-key", description = "Reuse to repeat a refund safely.")
    String idempotencyKey;

    @Option(names = "--status", paramLabel = "REFUND_ID", description = "Show this refund of the charge instead.")
    String refundId;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Extra provider parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    void validate() {
        amount();
        if (refundId != null && (amount != null || reason != null || reference != null || idempotencyKey != null
                || !params.isEmpty())) {
            throw CliException.usage("--status shows a refund; it takes no --amount, --reason, --reference,"
                    + " --idempotency-key or --param");
        }
    }

    /** The part of the charge to refund; null for the whole charge. */
    private Money amount() {
        return amount == null ? null : Amounts.positive(amount, currency);
    }

    @Override
    int run(BillingProvider client, Output out) {
        Refunds refunds = require(client.refunds(), client, "refunds");
        RefundResult r;
        if (refundId != null) {
            r = refunds.status(RefundRef.of(ChargeRef.of(chargeId), refundId));
        } else {
            RefundRequest.Builder b = RefundRequest.builder(ChargeRef.of(chargeId)).amount(amount()).reason(reason)
                    .clientReference(reference).idempotencyKey(idempotencyKey);
            params.forEach(b::param);
            r = refunds.refund(b.build());
        }
        out.result(Print.refund(r), Shapes.refund(client.id(), r));
        return switch (r.state()) {
            case DENIED -> ExitCodes.REFUSED;
            case UNKNOWN -> ExitCodes.UNKNOWN_OUTCOME;
            default -> ExitCodes.OK;
        };
    }
}
