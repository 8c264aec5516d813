package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "charge", mixinStandardHelpOptions = true,
        description = "Start a one-off charge; prints its state and what the subscriber must do next.")
final class ChargeCommand extends ProviderCommand {

    @Option(names = "--msisdn", description = "Subscriber number.")
    String msisdn;

    @Option(names = "--amount", required = true, description = "Amount, greater than zero, for example 1.50.")
    String amount;

    @Option(names = "--currency", required = true, description = "ISO 4217 currency, for example ZAR.")
    String currency;

    @Option(names = "--offer", description = "Product, service key or keyword.")
    String offer;

    @Option(names = "--description", description = "What is bought.")
    String description;

    @Option(names = "--reference", description = "Your own reference.")
    String reference;

    @Option(names = "--return-url", description = "Where a consent page sends the browser back.")
    String returnUrl;

    @Option(names = "--idempotency-key", description = "Reuse to repeat a charge safely (providers that honour keys).")
    String idempotencyKey;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Extra provider parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Override
    void validate() {
        amount();
    }

    /** The amount to charge: a decimal number greater than zero. */
    private Money amount() {
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
        ChargeRequest.Builder b = ChargeRequest.builder(amount()).description(description)
                .clientReference(reference).returnUrl(returnUrl).idempotencyKey(idempotencyKey);
        if (msisdn != null) {
            b.msisdn(Msisdn.of(msisdn));
        }
        if (offer != null) {
            b.offer(OfferId.of(offer));
        }
        params.forEach(b::param);
        out.println(Print.charge(require(client.charges(), client, "one-off charges").charge(b.build())));
        return 0;
    }
}
