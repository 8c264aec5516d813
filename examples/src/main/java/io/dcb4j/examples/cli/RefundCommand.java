package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "refund", mixinStandardHelpOptions = true,
        description = {"Refund a billed charge: the whole charge, or --amount of it; or show a refund (--status).",
                "Prints the refund's id and state."})
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
    }

    private Money amount() {
        if (amount == null) {
            return null;
        }
        if (currency == null) {
            throw new IllegalArgumentException("--amount needs --currency");
        }
        Money money;
        try {
            money = Money.of(amount, currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--amount/--currency: " + e.getMessage());
        }
        if (money.amount().signum() <= 0) {
            throw new IllegalArgumentException("--amount must be greater than zero, got " + money.amount().toPlainString());
        }
        return money;
    }

    @Override
    int run(BillingProvider client, PrintWriter out) {
        Refunds refunds = require(client.refunds(), client, "refunds");
        if (refundId != null) {
            out.println(Print.refund(refunds.status(RefundRef.of(ChargeRef.of(chargeId), refundId))));
            return 0;
        }
        RefundRequest.Builder b = RefundRequest.builder(ChargeRef.of(chargeId)).amount(amount()).reason(reason)
                .clientReference(reference).idempotencyKey(idempotencyKey);
        params.forEach(b::param);
        out.println(Print.refund(refunds.refund(b.build())));
        return 0;
    }
}
