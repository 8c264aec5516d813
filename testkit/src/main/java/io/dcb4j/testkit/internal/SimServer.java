package io.dcb4j.testkit.internal;

import io.dcb4j.testkit.RecordedRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.notification.QueryString;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP server on a free loopback port (JDK {@code HttpServer}) with routes such as
 * {@code GET /api/subscription/{id}}. Records every request. Thread-safe.
 */
public final class SimServer implements AutoCloseable {

    private record Route(String method, Pattern pattern, List<String> names, SimHandler handler) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY every answer waits for the
        // client's delayed ACK (about 40 ms on Linux)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Route> routes = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());

    /**
     * Starts a server on {@code 127.0.0.1} and a free port.
     *
     * @param name a name for its threads
     */
    public SimServer(String name) {
        this(name, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts a server on a given address and port.
     *
     * @param name a name for its threads
     * @param address the address and port to bind; port 0 for a free one
     * @throws java.io.UncheckedIOException when the address cannot be bound (the port is taken, for example)
     */
    public SimServer(String name, InetSocketAddress address) {
        try {
            this.server = HttpServer.create(address, 64);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the " + name + " simulator on " + address.getHostString()
                    + ":" + address.getPort() + ": " + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "dcb4j-sim-" + name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /**
     * Adds a route. Path templates may hold {@code {name}} parameters matching one path segment; the first
     * matching route wins.
     *
     * @param method the HTTP method
     * @param template for example {@code /API/subscription/{id}}
     * @param handler the handler
     * @return this server
     */
    public SimServer route(String method, String template, SimHandler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method.toUpperCase(Locale.ROOT), Pattern.compile(regex.toString()), names, handler));
        return this;
    }

    /**
     * The base URL, for example {@code http://127.0.0.1:40123}.
     *
     * @return the URL without a trailing slash
     */
    public String baseUrl() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound == null || bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "127.0.0.1"
                : bound instanceof java.net.Inet6Address ? "[" + bound.getHostAddress() + "]" : bound.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort();
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
     * Every request received so far, in order.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        recorded.clear();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            recorded.add(new RecordedRequest(method, uri.getRawPath(), uri.getRawQuery(), headers, body));
            SimResponse response = route(method, uri, headers, body);
            if (!response.delay().isZero()) {
                try {
                    TimeUnit.MILLISECONDS.sleep(response.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = response.body();
            boolean noBody = out.length == 0 || method.equals("HEAD") || response.status() == 204
                    || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : out.length);
            if (!noBody) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private SimResponse route(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
        String rawPath = uri.getRawPath();
        boolean pathMatched = false;
        for (Route r : routes) {
            Matcher m = r.pattern.matcher(rawPath);
            if (!m.matches()) {
                continue;
            }
            pathMatched = true;
            if (!r.method.equals(method)) {
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < r.names.size(); i++) {
                params.put(r.names.get(i), URLDecoder.decode(m.group(i + 1), StandardCharsets.UTF_8));
            }
            SimRequest req = new SimRequest(method, uri.getPath(), Collections.unmodifiableMap(params),
                    QueryString.parse(uri.getRawQuery()), Collections.unmodifiableMap(headers), body);
            try {
                return r.handler.handle(req);
            } catch (SimResponse.Failure f) {
                return f.response();
            } catch (RuntimeException e) {
                return SimResponse.json(500, Map.of("error", "simulator error: " + e.getClass().getSimpleName()));
            }
        }
        return pathMatched ? SimResponse.json(405, Map.of("error", "method not allowed"))
                : SimResponse.json(404, Map.of("error", "no such endpoint"));
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
