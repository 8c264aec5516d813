package io.dcb4j.examples.cli;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "notify-parse", mixinStandardHelpOptions = true,
        description = {"Parse a provider callback (a URL with its query string, and/or a body) into a neutral event.",
                "Needs no API credentials: only the callback settings when you use them",
                "(notification-secret, its parameter, notification-allowed-sources).",
                "A callback that fails verification exits 4."})
final class NotifyParseCommand extends CliCommand {

    @picocli.CommandLine.Mixin
    ProviderOptions providerOptions;

    @Option(names = "--url", description = "The callback URL or path with its query string.")
    String url = "/";

    @Option(names = "--method", description = "HTTP method; POST when --body-file is given, else GET.")
    String method;

    @Option(names = "--body-file", paramLabel = "FILE", description = "The callback body.")
    Path bodyFile;

    @Option(names = "--header", paramLabel = "NAME: VALUE", description = "A callback header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--remote-address", paramLabel = "IP",
            description = "The sender's address, for notification-allowed-sources (default 127.0.0.1).")
    String remoteAddress = "127.0.0.1";

    @Override
    public Integer call() {
        InboundNotification notification = notification();
        NotificationParser parser = providerOptions.parser(env());
        Output out = output();
        BillingEvent event;
        try {
            event = parser.parse(notification);
        } catch (NotificationRejectedException | DcbProtocolException e) {
            boolean rejected = e instanceof NotificationRejectedException;
            out.result("callback " + (rejected ? "REJECTED" : "MALFORMED") + ": " + Failures.message(e),
                    Output.object("type", "verdict", "provider", providerOptions.provider(),
                            "verdict", rejected ? "rejected" : "malformed", "reason", Failures.message(e)));
            return ExitCodes.REFUSED;
        }
        Map<String, Object> doc = Shapes.event(event);
        out.result(Print.event(event), doc);
        out.line("answer: HTTP " + event.acknowledgement().status() + " " + event.acknowledgement().body());
        return ExitCodes.OK;
    }

    private InboundNotification notification() {
        InboundNotification.Builder b = InboundNotification.builder(method != null ? method
                : bodyFile != null ? "POST" : "GET").uri(url).remoteAddress(remoteAddress);
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw CliException.usage("--header must be 'Name: value'");
            }
            b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        if (bodyFile != null) {
            try {
                b.body(Files.readAllBytes(bodyFile));
            } catch (IOException e) {
                throw CliException.usage("cannot read --body-file " + bodyFile);
            }
        }
        return b.build();
    }
}
