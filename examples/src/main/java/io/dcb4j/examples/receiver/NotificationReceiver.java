package io.dcb4j.examples.receiver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A minimal callback endpoint on the JDK HTTP server: every request is turned into an {@link
 * InboundNotification}, parsed by a provider's {@link NotificationParser}, handed to your code, and
 * acknowledged the way the provider expects. Rejected callbacks (bad signature or secret) get 401, malformed
 * ones 400, failures in your handler 500 so that the provider retries.
 *
 * <pre>{@code
 * NotificationParser parser = client.notifications().orElseThrow();
 * try (NotificationReceiver receiver = NotificationReceiver.start(8080, parser, event -> store(event))) {
 *     ...
 * }
 * }</pre>
 */
public final class NotificationReceiver implements AutoCloseable {

    private final HttpServer server;
    private final NotificationParser parser;
    private final Consumer<BillingEvent> handler;

    private NotificationReceiver(HttpServer server, NotificationParser parser, Consumer<BillingEvent> handler) {
        this.server = server;
        this.parser = parser;
        this.handler = handler;
    }

    /**
     * Starts listening on the loopback address only (behind a reverse proxy or a tunnel, or for tests); use
     * {@link #start(InetSocketAddress, NotificationParser, Consumer)} to listen on another address.
     *
     * @param port the port, 0 for a free one
     * @param parser the provider's parser
     * @param handler your code; it must be idempotent (providers retry)
     * @return the running receiver
     * @throws IOException when the port cannot be bound
     */
    public static NotificationReceiver start(int port, NotificationParser parser, Consumer<BillingEvent> handler)
            throws IOException {
        return start(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), parser, handler);
    }

    /**
     * Starts listening on an address: {@code new InetSocketAddress(8080)} listens on every interface.
     *
     * @param address the address and port, port 0 for a free one
     * @param parser the provider's parser
     * @param handler your code; it must be idempotent (providers retry)
     * @return the running receiver
     * @throws IOException when the address cannot be bound
     */
    public static NotificationReceiver start(InetSocketAddress address, NotificationParser parser,
            Consumer<BillingEvent> handler) throws IOException {
        HttpServer server = HttpServer.create(address, 50);
        NotificationReceiver r = new NotificationReceiver(server, Objects.requireNonNull(parser, "parser"),
                Objects.requireNonNull(handler, "handler"));
        server.createContext("/", r::handle);
        server.start();
        return r;
    }

    /**
     * The port it listens on.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * Converts a JDK HTTP server exchange into a framework-neutral notification.
     *
     * @param exchange the exchange; its body is consumed
     * @return the notification
     * @throws IOException when the body cannot be read
     */
    public static InboundNotification toNotification(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        InboundNotification.Builder b = InboundNotification.builder(exchange.getRequestMethod())
                .path(exchange.getRequestURI().getRawPath()).rawQuery(rawQuery).body(body)
                .remoteAddress(exchange.getRemoteAddress().getAddress().getHostAddress());
        exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
        return b.build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Acknowledgement ack;
            try {
                BillingEvent event = parser.parse(toNotification(exchange));
                handler.accept(event);
                ack = event.acknowledgement();
            } catch (NotificationRejectedException e) {
                ack = new Acknowledgement(401, "text/plain", "rejected");
            } catch (DcbProtocolException | IllegalArgumentException e) {
                ack = new Acknowledgement(400, "text/plain", "malformed notification");
            } catch (RuntimeException e) {
                ack = new Acknowledgement(500, "text/plain", "try again later");
            }
            byte[] out = ack.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", ack.contentType());
            exchange.sendResponseHeaders(ack.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.stop(0);
    }
}
