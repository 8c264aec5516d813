package io.dcb4j.examples.cli;

import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.QueryString;
import io.dcb4j.testkit.Callback;
import io.dcb4j.testkit.CallbackEvent;
import io.dcb4j.testkit.CallbackSpec;
import io.dcb4j.testkit.CallbackWriter;
import io.dcb4j.testkit.Simulators;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "trigger", mixinStandardHelpOptions = true,
        description = {"Send one provider callback to your endpoint and print its answer.",
                "EVENT: subscribe, unsubscribe, renew, charge-succeeded, charge-failed.",
                "The callback is written as the provider sends it and authenticated as your",
                "endpoint expects: notification-secret (and notification-secret-parameter)",
                "from the environment or --config, as a shared secret in the URL or, for",
                "eclipse-vas, as the HMAC key of the Eclipse-Signature header. Needs no API",
                "credentials. Exits 0 when the endpoint answers 2xx, 4 when it refuses",
                "(3xx, 4xx), 5 when the provider sends no such callback, 6 on 5xx or no",
                "answer."})
final class TriggerCommand extends CliCommand {

    private static final Map<String, CallbackEvent> EVENTS = Map.of("subscribe", CallbackEvent.SUBSCRIBED,
            "unsubscribe", CallbackEvent.UNSUBSCRIBED, "renew", CallbackEvent.RENEWED,
            "charge-succeeded", CallbackEvent.CHARGE_SUCCEEDED, "charge-failed", CallbackEvent.CHARGE_FAILED);

    @Parameters(index = "0", paramLabel = "PROVIDER")
    String provider;

    @Parameters(index = "1", paramLabel = "EVENT")
    String event;

    @Option(names = "--to", required = true, paramLabel = "URL", description = "Your callback endpoint.")
    String to;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with notification-secret and"
            + " notification-secret-parameter (optionally prefixed '<provider>.').")
    Path configFile;

    @Option(names = "--unauthenticated", description = "Send it without the secret or signature (your endpoint"
            + " should refuse it).")
    boolean unauthenticated;

    @Option(names = "--msisdn", description = "The subscriber (default: the simulator's sample).")
    String msisdn;

    @Option(names = "--offer", description = "The offer, product or payment data (default: the simulator's sample).")
    String offer;

    @Option(names = "--subscription", paramLabel = "ID", description = "The subscription id (default: a fresh one).")
    String subscription;

    @Option(names = "--charge", paramLabel = "ID", description = "The charge or transaction id (default: a fresh one).")
    String charge;

    @Option(names = "--amount", description = "The amount, with --currency (default: the offer's price).")
    String amount;

    @Option(names = "--currency", description = "ISO 4217 currency of --amount.")
    String currency;

    @Override
    public Integer call() {
        String id = Configs.provider(provider);
        CallbackEvent kind = event(event);
        Configs.checkUrl("--to", to);
        CallbackWriter writer = Simulators.callbacks(id).orElseThrow(() -> CliException.unsupported(
                "no callback writer for " + id));
        if (!writer.events().contains(kind)) {
            throw CliException.unsupported(id + " sends no " + name(kind) + " callback; it sends: "
                    + writer.events().stream().map(TriggerCommand::name).collect(Collectors.joining(", ")));
        }
        if ((amount == null) != (currency == null)) {
            throw CliException.usage("--amount needs --currency, and the other way round");
        }
        Map<String, String> config = Configs.merge(id, configFile, null, env());
        String secret = unauthenticated ? null : config.get("notification-secret");
        String parameter = config.get("notification-secret-parameter");
        CallbackSpec spec = new CallbackSpec(msisdn == null ? null : Msisdn.of(msisdn),
                offer == null ? null : OfferId.of(offer), subscription, charge,
                amount == null ? null : Money.of(amount, currency), secret, parameter);
        Callback callback = writer.write(kind, spec);
        String shown = masked(callback.target(to), parameter);
        String auth = secret == null ? "none" : callback.headers().keySet().stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).contains("signature")) ? "signature"
                : callback.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("Authorization"))
                        ? "bearer token" : "shared secret";
        Output out = output();
        Callback.Answer answer;
        try {
            answer = callback.deliver(to, Duration.ofSeconds(10));
        } catch (IOException e) {
            throw new CliException(ExitCodes.UNKNOWN_OUTCOME, "cannot deliver the callback to " + shown + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCodes.FAILED, "interrupted");
        }
        String body = ProviderText.clean(answer.body());
        out.result("sent " + id + " " + name(kind) + " (" + (auth.equals("none") ? "unauthenticated" : auth) + "): "
                + callback.method() + " " + shown + System.lineSeparator() + "answer: HTTP " + answer.status()
                + (body.isBlank() ? "" : " " + body),
                Output.object("type", "trigger", "provider", id, "event", name(kind), "method", callback.method(),
                        "url", shown, "authentication", auth, "answer", Output.object("status", answer.status(),
                                "contentType", answer.contentType(), "body", body)));
        if (secret == null && !unauthenticated) {
            out.line("(no notification-secret configured: sent as the provider does without one; set "
                    + Configs.env(id, "notification-secret") + " to match your endpoint)");
        }
        int status = answer.status();
        return status >= 200 && status < 300 ? ExitCodes.OK : status >= 500 ? ExitCodes.UNKNOWN_OUTCOME
                : ExitCodes.REFUSED;
    }

    private static CallbackEvent event(String name) {
        CallbackEvent e = EVENTS.get(name.toLowerCase(Locale.ROOT));
        if (e == null) {
            throw CliException.usage("unknown event '" + ProviderText.clean(name) + "'; events: subscribe, unsubscribe,"
                    + " renew, charge-succeeded, charge-failed");
        }
        return e;
    }

    static String name(CallbackEvent e) {
        return EVENTS.entrySet().stream().filter(x -> x.getValue() == e).map(Map.Entry::getKey).findFirst()
                .orElse(e.name());
    }

    /** The URL as printed: the secret hidden, subscriber numbers masked. */
    static String masked(URI target, String secretParameter) {
        String query = target.getRawQuery();
        String base = target.toString();
        if (query == null) {
            return base;
        }
        base = base.substring(0, base.indexOf('?'));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : new LinkedHashMap<>(QueryString.parse(query)).entrySet()) {
            for (String v : e.getValue()) {
                String shown = e.getKey().equalsIgnoreCase(secretParameter == null ? "secret" : secretParameter)
                        ? "***" : SimCommand.masked(e.getKey(), v);
                sb.append(sb.length() == 0 ? "?" : "&").append(e.getKey()).append('=').append(shown);
            }
        }
        return base + sb;
    }
}
