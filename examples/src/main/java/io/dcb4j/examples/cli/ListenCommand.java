package io.dcb4j.examples.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.ProviderText;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.examples.receiver.NotificationReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "listen", aliases = "receive", mixinStandardHelpOptions = true,
        description = {"Receive a provider's callbacks, verify each and print its verdict.",
                "Callbacks come from 'dcb simulate --deliver-to', a tunnel or the provider.",
                "Each is accepted (with its event), rejected (wrong secret or signature,",
                "sender not allowed) or malformed, with the reason. Accepted ones go to",
                "--forward-to as received, and its answer goes back to the sender; without",
                "it, the provider's acknowledgement does. Rejected ones get 401, malformed",
                "ones 400. Needs no API credentials, only the callback settings. Listens on",
                "loopback only unless --bind says otherwise."})
final class ListenCommand extends CliCommand {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-authorization", "proxy-connection");

    @Parameters(index = "0", arity = "0..1", paramLabel = "PROVIDER")
    String positional;

    @Option(names = {"-p", "--provider"}, paramLabel = "ID", description = "The provider (instead of PROVIDER).")
    String provider;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with the callback settings"
            + " (notification-secret, notification-secret-parameter, notification-allowed-sources).")
    Path configFile;

    @Option(names = "--forward-to", paramLabel = "URL", description = "Your endpoint: accepted callbacks are"
            + " forwarded to it as received (method, query, headers, body).")
    String forwardTo;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default ${DEFAULT-VALUE};"
            + " 0 for a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--count", defaultValue = "0", description = "Stop after this many callbacks (0: never).")
    int count;

    @Option(names = "--max-wait", defaultValue = "0", paramLabel = "SECONDS",
            description = "Stop after this many seconds (0: never).")
    int maxWaitSeconds;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public Integer call() throws InterruptedException {
        if (positional != null && provider != null && !positional.equals(provider)) {
            throw CliException.usage("give the provider once: PROVIDER or --provider");
        }
        String id = Configs.provider(positional != null ? positional : provider);
        if (forwardTo != null) {
            Configs.checkUrl("--forward-to", forwardTo);
        }
        if (count < 0 || maxWaitSeconds < 0) {
            throw CliException.usage("--count and --max-wait must not be negative");
        }
        NotificationParser parser = Configs.parser(id, Configs.merge(id, configFile, null, env()));
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliException.usage("--bind: unknown address '" + ProviderText.clean(bind) + "'");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 50);
        } catch (IOException e) {
            throw CliException.usage("cannot listen on " + address.getHostAddress() + ":" + port + ": "
                    + e.getMessage() + "; choose another --port");
        }
        Output out = output();
        CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "dcb-listen");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try {
                handle(id, parser, exchange, out);
            } finally {
                done.countDown();
            }
        });
        server.start();
        try {
            String url = "http://" + (address.isAnyLocalAddress() ? "127.0.0.1" : address.getHostAddress()) + ":"
                    + server.getAddress().getPort() + "/";
            out.result("listening on " + url + " for " + id + " callbacks" + (address.isLoopbackAddress()
                    ? " (loopback only)" : "") + (forwardTo == null ? "" : "; accepted ones go to " + forwardTo),
                    Output.object("type", "listening", "provider", id, "url", url, "forwardTo", forwardTo));
            if (maxWaitSeconds > 0) {
                done.await(maxWaitSeconds, TimeUnit.SECONDS);
            } else if (count > 0) {
                done.await();
            } else {
                new CountDownLatch(1).await();
            }
        } finally {
            server.stop(0);
            executor.shutdownNow();
        }
        return ExitCodes.OK;
    }

    private void handle(String id, NotificationParser parser, HttpExchange exchange, Output out) throws IOException {
        try (exchange) {
            InboundNotification n = NotificationReceiver.toNotification(exchange);
            String what = n.method() + " " + ProviderText.printable(n.path());
            String verdict;
            String reason = null;
            BillingEvent event = null;
            Answer answer;
            Map<String, Object> forwarded = null;
            try {
                event = parser.parse(n);
                verdict = "accepted";
                if (forwardTo == null) {
                    Acknowledgement ack = event.acknowledgement();
                    answer = new Answer(ack.status(), ack.contentType(), ack.body().getBytes(StandardCharsets.UTF_8));
                } else {
                    answer = forward(exchange, n);
                    forwarded = Output.object("url", forwardTo, "status", answer.failure == null ? answer.status : null,
                            "error", answer.failure);
                }
            } catch (NotificationRejectedException e) {
                verdict = "rejected";
                reason = Failures.message(e);
                answer = new Answer(401, "text/plain", "rejected".getBytes(StandardCharsets.UTF_8));
            } catch (DcbProtocolException | IllegalArgumentException e) {
                verdict = "malformed";
                reason = Failures.message(e);
                answer = new Answer(400, "text/plain", "malformed notification".getBytes(StandardCharsets.UTF_8));
            }
            reply(exchange, answer);
            String line = String.format("%-9s %s", verdict, event != null ? Print.event(event) : id + " " + what
                    + ": " + reason) + (forwarded == null ? "" : answer.failure != null ? "; forward failed ("
                    + answer.failure + ")" : "; forwarded, your endpoint answered HTTP " + answer.status)
                    + (event != null && forwarded == null ? "" : "; answered HTTP " + answer.status);
            out.result(line, Output.object("type", "callback", "provider", id, "verdict", verdict, "reason", reason,
                    "method", n.method(), "path", ProviderText.printable(n.path()),
                    "event", event == null ? null : Shapes.event(event), "forwarded", forwarded,
                    "answered", answer.status));
        }
    }

    /** The endpoint's answer, or a failure to reach it. */
    private record Answer(int status, String contentType, byte[] body, String failure) {
        Answer(int status, String contentType, byte[] body) {
            this(status, contentType, body, null);
        }
    }

    private Answer forward(HttpExchange exchange, InboundNotification n) {
        URI original = exchange.getRequestURI();
        String target = forwardTo;
        if (original.getRawQuery() != null) {
            target += (target.contains("?") ? "&" : "?") + original.getRawQuery();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(30))
                .method(n.method(), n.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(n.body()));
        n.headers().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                for (String v : values) {
                    try {
                        b.header(name, v);
                    } catch (IllegalArgumentException e) {
                        // a header the JDK client may not send (restricted): the endpoint does without it
                    }
                }
            }
        });
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse("text/plain"), r.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(502, "text/plain", "forward failed".getBytes(StandardCharsets.UTF_8),
                    e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(503, "text/plain", "stopping".getBytes(StandardCharsets.UTF_8), "interrupted");
        }
    }

    private static void reply(HttpExchange exchange, Answer answer) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType);
        exchange.sendResponseHeaders(answer.status, answer.body.length == 0 ? -1 : answer.body.length);
        if (answer.body.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(answer.body);
            }
        }
    }
}
