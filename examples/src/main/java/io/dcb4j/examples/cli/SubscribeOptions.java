package io.dcb4j.examples.cli;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscribeRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** What a PIN subscription needs, shared by {@code subscribe} and {@code confirm}. */
final class SubscribeOptions {

    @Option(names = "--msisdn", required = true, description = "Subscriber number, international form.")
    String msisdn;

    @Option(names = "--offer", required = true, description = "Offer, product id or service key.")
    String offer;

    @Option(names = "--price", description = "Advertised price, for providers that ask for it.")
    String price;

    @Option(names = "--currency", description = "Currency of --price (ISO 4217).")
    String currency;

    @Option(names = "--frequency", description = "Billing period, for example day or week.")
    String frequency;

    @Option(names = "--language", description = "Subscriber language, for example en.")
    String language;

    @Option(names = "--description", description = "Service name shown to the subscriber.")
    String description;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "Extra provider parameter (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    SubscribeRequest request() {
        SubscribeRequest.Builder b = SubscribeRequest.builder(Msisdn.of(msisdn), OfferId.of(offer))
                .frequency(frequency).language(language).description(description);
        if (price != null) {
            if (currency == null) {
                throw CliException.usage("--price needs --currency");
            }
            b.price(Money.of(price, currency));
        }
        params.forEach(b::param);
        return b.build();
    }

    /** The options to repeat in the follow-up command, the number left as a placeholder (never printed). */
    List<String> repeat() {
        List<String> args = new ArrayList<>(List.of("--msisdn", "<msisdn>", "--offer", offer));
        add(args, "--price", price);
        add(args, "--currency", currency);
        add(args, "--frequency", frequency);
        add(args, "--language", language);
        add(args, "--description", description);
        params.forEach((k, v) -> add(args, "--param", k + "=" + v));
        return args;
    }

    private static void add(List<String> args, String option, String value) {
        if (value != null) {
            args.add(option);
            args.add(value);
        }
    }
}
