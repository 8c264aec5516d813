package io.dcb4j.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.QueryString;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The admin API of {@link io.dcb4j.testkit.SimulatorServer}: JSON over the JDK HTTP server. See that class for
 * the routes.
 */
public final class AdminApi implements AutoCloseable {

    /** A failure answered with a status and a message. */
    private static final class Answer extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        Answer(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Map<String, Simulator> simulators = Map.of();
    private volatile Runnable stop = () -> { };

    private AdminApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves these simulators from now on.
     *
     * @param simulators the simulators, by provider id
     * @param stop what {@code POST /stop} runs
     */
    public void serve(Map<String, Simulator> simulators, Runnable stop) {
        this.simulators = simulators;
        this.stop = stop;
    }

    /**
     * Starts the admin API; it serves no simulator until {@link #serve} is called.
     *
     * @param address where to listen
     * @return the running API
     * @throws UncheckedIOException when the address cannot be bound
     */
    public static AdminApi start(InetSocketAddress address) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the admin API on " + address.getHostString() + ":"
                    + address.getPort() + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "dcb4j-sim-admin");
            t.setDaemon(true);
            return t;
        });
        AdminApi api = new AdminApi(server, executor);
        server.setExecutor(executor);
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    /**
     * The URL of the API.
     *
     * @return for example {@code http://127.0.0.1:8700}
     */
    public String url() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound == null || bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "127.0.0.1"
                : bound instanceof java.net.Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /**
     * What the admin API says about a simulator: provider, base URL, configuration, samples, magic MSISDNs.
     *
     * @param sim the simulator
     * @return the description
     */
    public static Map<String, Object> describe(Simulator sim) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("provider", sim.providerId());
        m.put("baseUrl", sim.baseUrl());
        m.put("config", sim.clientConfig());
        m.put("sampleMsisdn", sim.sampleMsisdn().digits());
        m.put("sampleOffer", sim.sampleOffer().value());
        Map<String, String> magic = new LinkedHashMap<>();
        for (MagicMsisdn mm : MagicMsisdn.values()) {
            magic.put(mm.name(), mm.applyTo(sim.sampleMsisdn().digits()).digits());
        }
        m.put("magicMsisdns", magic);
        return m;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int status = 200;
            Object body;
            try {
                body = route(exchange);
            } catch (Answer a) {
                status = a.status;
                body = Map.of("error", String.valueOf(a.getMessage()));
            } catch (UnsupportedOperationException e) {
                status = 501;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (IllegalStateException e) {
                status = 409;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (IllegalArgumentException e) {
                status = 400;
                body = Map.of("error", String.valueOf(e.getMessage()));
            } catch (RuntimeException e) {
                status = 500;
                body = Map.of("error", "simulator error: " + e.getClass().getSimpleName());
            }
            byte[] out = Json.write(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
            if (stopRequested(exchange, status)) {
                Thread t = new Thread(stop, "dcb4j-sim-stop");
                t.setDaemon(true);
                t.start();
            }
        }
    }

    private static boolean stopRequested(HttpExchange exchange, int status) {
        return status == 200 && exchange.getRequestMethod().equalsIgnoreCase("POST")
                && exchange.getRequestURI().getPath().equals("/stop");
    }

    private Object route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        List<String> path = new ArrayList<>();
        for (String s : exchange.getRequestURI().getPath().split("/")) {
            if (!s.isEmpty()) {
                path.add(s);
            }
        }
        Map<String, String> params = params(exchange);
        if (path.isEmpty()) {
            requireMethod(method, "GET");
            List<Object> all = new ArrayList<>();
            simulators.values().forEach(s -> all.add(describe(s)));
            return Map.of("admin", url(), "simulators", all);
        }
        if (path.size() == 1 && path.get(0).equals("stop")) {
            requireMethod(method, "POST");
            return Map.of("stopping", true);
        }
        Simulator sim = simulators.get(path.get(0));
        if (sim == null) {
            throw new Answer(404, "no simulator for provider '" + path.get(0) + "' here; running: "
                    + simulators.keySet());
        }
        if (path.size() == 1) {
            requireMethod(method, "GET");
            return describe(sim);
        }
        if (path.size() != 2) {
            throw new Answer(404, "no such admin endpoint");
        }
        String provider = sim.providerId();
        switch (path.get(1)) {
            case "pin" -> {
                requireMethod(method, "GET");
                Msisdn msisdn = Msisdn.of(required(params, "msisdn"));
                String pin = sim.pinSentTo(msisdn).orElseThrow(() -> new Answer(404, "no PIN was sent to "
                        + msisdn + " by the " + provider + " simulator"));
                return Map.of("provider", provider, "msisdn", msisdn.toString(), "pin", pin);
            }
            case "approve", "deny" -> {
                requireMethod(method, "POST");
                NextAction action = action(params);
                boolean approve = path.get(1).equals("approve");
                sim.actAsSubscriber(action, approve);
                return Map.of("provider", provider, "action", action.type().name(),
                        "subscriber", approve ? "approved" : "denied");
            }
            case "settle", "fail" -> {
                requireMethod(method, "POST");
                ChargeRef charge = ChargeRef.of(required(params, "charge"));
                if (path.get(1).equals("settle")) {
                    sim.settle(charge);
                } else {
                    sim.fail(charge);
                }
                return Map.of("provider", provider, "charge", charge.id(),
                        "settled", path.get(1).equals("settle") ? "as its MSISDN says" : "failed");
            }
            case "renew" -> {
                requireMethod(method, "POST");
                String id = params.get("subscription");
                String msisdn = params.get("msisdn");
                if (id == null && msisdn == null) {
                    throw new IllegalArgumentException("give subscription, or msisdn and offer");
                }
                sim.renewNow(new SubscriptionRef(id, msisdn == null ? null : Msisdn.of(msisdn),
                        params.get("offer") == null ? null : OfferId.of(params.get("offer"))));
                return Map.of("provider", provider, "renewed", id != null ? id : Msisdn.of(msisdn).toString());
            }
            case "callbacks" -> {
                requireMethod(method, "GET");
                List<Object> list = new ArrayList<>();
                sim.notifications().forEach(n -> list.add(callback(n)));
                return Map.of("provider", provider, "callbacks", list);
            }
            case "deliver" -> {
                requireMethod(method, "POST");
                String url = params.get("url");
                sim.deliverNotificationsTo(url == null || url.isBlank() ? null : url);
                return Map.of("provider", provider, "deliverTo", url == null || url.isBlank() ? "" : url);
            }
            case "reset" -> {
                requireMethod(method, "POST");
                sim.reset();
                return Map.of("provider", provider, "reset", true);
            }
            default -> throw new Answer(404, "no such admin endpoint: " + path.get(1));
        }
    }

    private static NextAction action(Map<String, String> params) {
        if (params.get("url") != null) {
            return new NextAction.Redirect(params.get("url"), null, null);
        }
        if (params.get("keyword") != null || params.get("shortcode") != null) {
            return new NextAction.SendSms(required(params, "shortcode"), required(params, "keyword"), null);
        }
        if (params.get("imageUrl") != null) {
            return new NextAction.SolveCaptcha(params.get("imageUrl"), List.of(), null);
        }
        throw new IllegalArgumentException("give url (a consent page), keyword and shortcode (an MO SMS), or"
                + " imageUrl (a captcha)");
    }

    private static Map<String, Object> callback(InboundNotification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", n.method());
        m.put("path", n.path());
        m.put("query", n.firstQueryValues());
        Map<String, String> headers = new LinkedHashMap<>();
        n.headers().forEach((k, v) -> headers.put(k, String.join(", ", v)));
        m.put("headers", headers);
        m.put("body", n.bodyText());
        return m;
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new Answer(405, "use " + expected);
        }
    }

    private static String required(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return v.strip();
    }

    /** The query parameters and the fields of a JSON object body (first values; text only). */
    private static Map<String, String> params(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        QueryString.parse(exchange.getRequestURI().getRawQuery()).forEach((k, v) -> {
            if (!v.isEmpty()) {
                params.put(k, v.get(0));
            }
        });
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(64 * 1024);
        }
        if (body.length > 0) {
            JsonNode tree = Json.treeOrNull(new String(body, StandardCharsets.UTF_8));
            if (tree == null || !tree.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            tree.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                    params.put(e.getKey(), e.getValue().asText());
                }
            });
        }
        return params;
    }

    /** Stops listening. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
