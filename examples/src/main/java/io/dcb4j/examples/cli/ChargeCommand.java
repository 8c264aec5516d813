package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "charge", mixinStandardHelpOptions = true,
        description = {"Start a one-off charge; prints its state and what the subscriber must do next.",
                "Exits 4 when the charge is denied at once, 6 when its state is unknown."})
final class ChargeCommand extends ProviderCommand {

    @Option(names = "--msisdn", description = "Subscriber number.")
    String msisdn;

    @Option(names = "--amount", required = true, description = "Amount, greater than zero, for example 1.50.")
    String amount;

    @Option(names = "--currency", required = true, description = "ISO 4217 currency, for example ZAR.")
    String currency;

    @Option(names = "--offer", description = "Product, service key or keyword (Eclipse VAS: the payment data"
            + " 'dcb catalog' prints, for example 5_VD50).")
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
        if (msisdn != null) {
            Msisdn.of(msisdn);
        }
    }

    /** The amount to charge: a decimal number greater than zero. */
    private Money amount() {
        return Amounts.positive(amount, currency);
    }

    @Override
    int run(BillingProvider client, Output out) {
        var charges = require(client.charges(), client, "one-off charges");
        ChargeRequest.Builder b = ChargeRequest.builder(amount()).description(description)
                .clientReference(reference).returnUrl(returnUrl).idempotencyKey(idempotencyKey);
        if (msisdn != null) {
            b.msisdn(Msisdn.of(msisdn));
        }
        if (offer != null) {
            b.offer(OfferId.of(offer));
        }
        params.forEach(b::param);
        ChargeResult c = charges.charge(b.build());
        Map<String, Object> doc = Shapes.charge(client.id(), c);
        List<String> next = new ArrayList<>();
        String authorization = c.details().get("authorizationId");
        boolean confirmable = client.capabilities().contains(io.dcb4j.core.Capability.CONFIRM_CHARGE)
                && (c.state() == ChargeState.RESERVED
                        || (c.state() == ChargeState.PENDING_VALIDATION && authorization != null));
        if (confirmable) {
            // the charge waits for the merchant: confirm it (with the code the subscriber received, when asked)
            next.add("confirm");
            next.addAll(providerOptions.repeat());
            next.add("--charge");
            next.add(c.charge().id());
            if (c.state() == ChargeState.PENDING_VALIDATION) {
                next.add("--authorization-id");
                next.add(authorization);
            }
            doc.put("next", commandLine(next));
        } else if (!c.state().isFinal() && client.charges().isPresent()
                && client.capabilities().contains(io.dcb4j.core.Capability.CHARGE_STATUS)) {
            next.add("status");
            next.addAll(providerOptions.repeat());
            next.add("--charge");
            next.add(c.charge().id());
            doc.put("next", commandLine(next));
        }
        out.result(Print.charge(c), doc);
        if (c.nextAction().type() != NextAction.Type.NONE && providerOptions.simulated(env())) {
            out.line("On a simulator, play the subscriber with: " + commandLine(SimCommand.actFor(client.id(),
                    c.nextAction())));
        }
        if (!next.isEmpty()) {
            out.line("Then run: " + commandLine(next));
        }
        return switch (c.state()) {
            case DENIED, CANCELLED -> ExitCodes.REFUSED;
            case UNKNOWN -> ExitCodes.UNKNOWN_OUTCOME;
            default -> ExitCodes.OK;
        };
    }
}
