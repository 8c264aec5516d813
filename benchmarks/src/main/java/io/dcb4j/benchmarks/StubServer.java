package io.dcb4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one stub every benchmark talks to: a JDK {@link HttpServer} on loopback answering fixed bodies. It
 * records nothing but two counters (token requests per provider), so it costs the same for every client
 * under test. Keep-alive is on (JDK default), so clients reuse connections.
 */
public final class StubServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicLong eklecticTokens = new AtomicLong();
    private final AtomicLong centiliTokens = new AtomicLong();
    private volatile long tokenDelayMillis;

    private StubServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts a stub on 127.0.0.1.
     *
     * @param port the port; 0 for any free one
     * @param threads handler threads
     * @return the running stub
     */
    public static StubServer start(int port, int threads) {
        // TCP_NODELAY on accepted sockets: the JDK server writes headers and body separately, and with Nagle
        // plus the client's delayed ACK every answer would wait ~40 ms. Read once, when the server's
        // configuration class loads, so it is set before the first server is created.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
            ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "stub");
                t.setDaemon(true);
                return t;
            });
            StubServer stub = new StubServer(server, executor);
            server.createContext("/eklectic/oauth/token", ex -> {
                stub.eklecticTokens.incrementAndGet();
                stub.delay();
                reply(ex, Bodies.EKLECTIC_TOKEN);
            });
            server.createContext("/eklectic/subscription/", ex -> reply(ex, Bodies.EKLECTIC_DETAILS));
            server.createContext("/centili/token", ex -> {
                stub.centiliTokens.incrementAndGet();
                stub.delay();
                reply(ex, Bodies.CENTILI_TOKEN);
            });
            server.createContext("/centili/api/transactions/init", ex -> reply(ex, Bodies.CENTILI_START_ANSWER));
            server.setExecutor(executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the stub server", e);
        }
    }

    private void delay() {
        long ms = tokenDelayMillis;
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void reply(HttpExchange ex, byte[] body) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /**
     * Base URL, for example {@code http://127.0.0.1:40123}.
     *
     * @return the URL, no trailing slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * The port.
     *
     * @return the port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * How many Eklectic token requests arrived.
     *
     * @return the count
     */
    public long eklecticTokenRequests() {
        return eklecticTokens.get();
    }

    /**
     * How many Centili token requests arrived.
     *
     * @return the count
     */
    public long centiliTokenRequests() {
        return centiliTokens.get();
    }

    /** Zeroes the counters. */
    public void resetCounters() {
        eklecticTokens.set(0);
        centiliTokens.set(0);
    }

    /**
     * Makes token endpoints answer after a pause, like a real OAuth server.
     *
     * @param millis the pause
     */
    public void tokenDelayMillis(long millis) {
        this.tokenDelayMillis = millis;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fixed answers, taken from the providers' documents (as in the modules' test resources). */
    public static final class Bodies {
        private Bodies() {
        }

        static final byte[] EKLECTIC_TOKEN = utf8("{\"access_token\":\"ek-bench-token-0123456789abcdef\","
                + "\"expires_in\":43200,\"token_type\":\"Bearer\",\"scope\":null}");

        static final byte[] EKLECTIC_DETAILS = utf8("""
                {
                  "user": {
                    "id": "23939206",
                    "msisdn": "21612345678",
                    "date_debfree": "0000-00-00 00:00:00",
                    "date_finfree": "0000-00-00 00:00:00",
                    "subscription_date": "2022-02-10 22:46:07",
                    "unsubscription_date": null,
                    "first_broadcastbilling": null,
                    "last_broadcastbilling": null,
                    "first_successbilling": null,
                    "last_successbilling": null,
                    "success_billing": "0",
                    "simchurn": "0",
                    "date_simchurn": null,
                    "date_revsimchurn": null,
                    "create_at": "2022-02-10 22:46:07",
                    "last_status_update": "2022-02-10 22:46:07",
                    "service_id": "14",
                    "offre_id": "123",
                    "status": "1",
                    "state": "ACTIVE",
                    "expire_date": "2022-02-16 22:46:07"
                  }
                }
                """);

        static final byte[] CENTILI_TOKEN = utf8("{\"access_token\":\"ce-bench-token-0123456789abcdef\","
                + "\"expires_in\":300,\"refresh_expires_in\":1800,\"refresh_token\":\"ce-refresh\","
                + "\"token_type\":\"Bearer\",\"not-before-policy\":0,\"session_state\":\"s\",\"scope\":\"profile\"}");

        static final byte[] CENTILI_START_ANSWER = utf8("""
                {
                  "transactionType": "OPT_IN",
                  "country": "RS",
                  "operation": {
                    "type": "PIN",
                    "userInstruction": "Enter the PIN we sent you by SMS"
                  },
                  "clientData": {
                    "clientUserId": "user-42",
                    "clientReference": "order-1001"
                  },
                  "msisdn": "381641234567",
                  "transactionId": "tx-1001",
                  "operator": "22001"
                }
                """);

        private static byte[] utf8(String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
    }
}
