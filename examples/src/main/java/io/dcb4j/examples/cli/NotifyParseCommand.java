package io.dcb4j.examples.cli;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "notify-parse", mixinStandardHelpOptions = true,
        description = "Parse a provider callback (a URL with its query string, and/or a body) into a neutral event.")
final class NotifyParseCommand extends ProviderCommand {

    @Option(names = "--url", description = "The callback URL or path with its query string.")
    String url = "/";

    @Option(names = "--method", description = "HTTP method; POST when --body-file is given, else GET.")
    String method;

    @Option(names = "--body-file", paramLabel = "FILE", description = "The callback body.")
    Path bodyFile;

    @Option(names = "--header", paramLabel = "NAME: VALUE", description = "A callback header (repeatable).")
    List<String> headers = new ArrayList<>();

    @Override
    int run(BillingProvider client, PrintWriter out) {
        InboundNotification.Builder b = InboundNotification.builder(method != null ? method
                : bodyFile != null ? "POST" : "GET").uri(url);
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--header must be 'Name: value'");
            }
            b.header(h.substring(0, colon).strip(), h.substring(colon + 1).strip());
        }
        if (bodyFile != null) {
            try {
                b.body(Files.readAllBytes(bodyFile));
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --body-file " + bodyFile);
            }
        }
        BillingEvent event = require(client.notifications(), client, "notifications").parse(b.build());
        out.println(Print.event(event));
        out.println("answer: HTTP " + event.acknowledgement().status() + " " + event.acknowledgement().body());
        return 0;
    }
}
