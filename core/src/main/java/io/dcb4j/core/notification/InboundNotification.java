package io.dcb4j.core.notification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An inbound HTTP request from a provider (a callback, webhook or browser return), independent of any web
 * framework: build it from a servlet request, a Spring controller or the JDK HTTP server. Immutable.
 */
public final class InboundNotification {

    private final String method;
    private final String path;
    /** The query as decoded name/value pairs in order ({@link QueryString#pairs}); never null. */
    private final String[] queryPairs;
    /** The query grouped by name: given to the builder, or made from the pairs when first asked for. */
    private volatile Map<String, List<String>> query;
    private final Map<String, List<String>> headers;
    private final byte[] body;
    private final String remoteAddress;

    private InboundNotification(Builder b) {
        this.method = b.method.toUpperCase(Locale.ROOT);
        this.path = b.path;
        this.query = b.query;
        this.queryPairs = b.queryPairs;
        if (b.headers.isEmpty()) {
            this.headers = Map.of();
        } else {
            Map<String, List<String>> h = new LinkedHashMap<>();
            b.headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            this.headers = Collections.unmodifiableMap(h);
        }
        // the builder copied the caller's array and never changes or hands out its own: sharing it is safe
        this.body = b.body;
        this.remoteAddress = b.remoteAddress;
    }

    /**
     * Starts a builder.
     *
     * @param method the HTTP method
     * @return the builder
     */
    public static Builder builder(String method) {
        return new Builder(method);
    }

    /**
     * A GET callback from its full URL or path with query string, for example
     * {@code /dcb/notify?action=SUB&subscriptionid=1}.
     *
     * @param url the URL or path and query
     * @return the notification
     */
    public static InboundNotification get(String url) {
        return builder("GET").uri(url).build();
    }

    /**
     * A POST callback with a JSON body.
     *
     * @param path the path
     * @param jsonBody the body
     * @return the notification
     */
    public static InboundNotification postJson(String path, String jsonBody) {
        return builder("POST").uri(path).header("Content-Type", "application/json")
                .body(jsonBody.getBytes(StandardCharsets.UTF_8)).build();
    }

    /**
     * The HTTP method, upper case.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The request path, without the query string.
     *
     * @return the path; {@code /} when unknown
     */
    public String path() {
        return path;
    }

    /**
     * The query parameters, decoded, each with all its values.
     *
     * @return the parameters
     */
    public Map<String, List<String>> queryParameters() {
        Map<String, List<String>> q = query;
        if (q == null) {
            q = QueryString.group(queryPairs);
            query = q;
        }
        return q;
    }

    /**
     * The query's decoded name/value pairs in order ({@code [name0, value0, name1, ...]}), every value of
     * every name: not a copy, never to be changed.
     */
    String[] queryPairs() {
        return queryPairs;
    }


    /**
     * The first value of a query parameter.
     *
     * @param name the exact name
     * @return the value
     */
    public Optional<String> query(String name) {
        Map<String, List<String>> grouped = query;
        if (grouped == null) {
            for (int i = 0; i < queryPairs.length; i += 2) {
                if (queryPairs[i].equals(name)) {
                    return Optional.of(queryPairs[i + 1]);
                }
            }
            return Optional.empty();
        }
        List<String> values = grouped.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The first value of a query parameter, matching the name case-insensitively.
     *
     * @param name the name in any case
     * @return the value
     */
    public Optional<String> queryIgnoreCase(String name) {
        Optional<String> exact = query(name);
        if (exact.isPresent()) {
            return exact;
        }
        for (Map.Entry<String, List<String>> e : queryParameters().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    /**
     * The first value of each query parameter, for events' raw parameters.
     *
     * @return name to first value
     */
    public Map<String, String> firstQueryValues() {
        Map<String, String> m = new LinkedHashMap<>();
        queryParameters().forEach((k, v) -> m.put(k, v.isEmpty() ? "" : v.get(0)));
        return Collections.unmodifiableMap(m);
    }

    /**
     * The headers, names in lower case.
     *
     * @return the headers
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The first value of a header.
     *
     * @param name the name in any case
     * @return the value
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The body bytes, a copy.
     *
     * @return the body; empty when none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Refuses a JSON body that gives a key twice in one object with different values (at any depth), which a
     * JSON reader would otherwise resolve silently by keeping one of them. Identical repeats pass, and so
     * does a body that is not JSON (the parser reports that its own way).
     *
     * @param provider the provider id, for the exception
     * @throws io.dcb4j.core.error.NotificationRejectedException naming the key, never its values
     */
    public void requireUnambiguousJsonBody(String provider) {
        io.dcb4j.core.spi.json.Json.firstAmbiguousKey(body).ifPresent(key -> {
            throw QueryString.ambiguous(provider, key);
        });
    }

    /**
     * Reads the JSON body into a type with core's mapper ({@link io.dcb4j.core.spi.json.Json#read}), refusing
     * an ambiguous body as {@link #requireUnambiguousJsonBody} does, in one parse: the mapper already refuses
     * a repeated key, so the body is scanned for a differing repeat only when reading it failed.
     *
     * @param provider the provider id, for the exception
     * @param type the type to read
     * @param context the error context of a body that cannot be read
     * @param <T> the type
     * @return the value
     * @throws io.dcb4j.core.error.NotificationRejectedException when a key is given twice in one object with
     *     different values, naming the key, never its values
     * @throws io.dcb4j.core.error.DcbProtocolException when the body is not such JSON
     */
    public <T> T readJsonBody(String provider, Class<T> type, io.dcb4j.core.error.ErrorContext context) {
        try {
            return io.dcb4j.core.spi.json.Json.read(body, type, context);
        } catch (RuntimeException e) {
            // an ambiguous body is refused as such, whatever else is wrong with it
            requireUnambiguousJsonBody(provider);
            throw e;
        }
    }

    /**
     * The sender's IP address, when the receiver knows it.
     *
     * @return the address
     */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    @Override
    public String toString() {
        return "InboundNotification[" + method + " " + path + ", " + queryParameters().size() + " query parameters, "
                + body.length + " body bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InboundNotification n && n.method.equals(method) && n.path.equals(path)
                && n.queryParameters().equals(queryParameters()) && n.headers.equals(headers)
                && Arrays.equals(n.body, body)
                && Objects.equals(n.remoteAddress, remoteAddress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, queryParameters(), Arrays.hashCode(body));
    }

    /** Builds an {@link InboundNotification}. */
    public static final class Builder {
        private final String method;
        private String path = "/";
        private Map<String, List<String>> query = Map.of();
        private String[] queryPairs = QueryString.NO_PAIRS;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private String remoteAddress;

        private Builder(String method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        /**
         * Sets path and query from a URL or a path with query string (raw, still encoded).
         *
         * @param uri for example {@code https://shop.example/cb?a=1} or {@code /cb?a=1}
         * @return this builder
         */
        public Builder uri(String uri) {
            Objects.requireNonNull(uri, "uri");
            String rest = uri;
            int scheme = rest.indexOf("://");
            if (scheme >= 0) {
                int slash = rest.indexOf('/', scheme + 3);
                int q = rest.indexOf('?', scheme + 3);
                int cut = slash < 0 ? q : (q < 0 ? slash : Math.min(slash, q));
                rest = cut < 0 ? "/" : (rest.charAt(cut) == '?' ? "/" + rest.substring(cut) : rest.substring(cut));
            }
            int hash = rest.indexOf('#');
            if (hash >= 0) {
                rest = rest.substring(0, hash);
            }
            int q = rest.indexOf('?');
            this.path = q < 0 ? (rest.isEmpty() ? "/" : rest) : (q == 0 ? "/" : rest.substring(0, q));
            this.queryPairs = q < 0 ? QueryString.NO_PAIRS : QueryString.pairs(rest, q + 1);
            this.query = queryPairs.length == 0 ? Map.of() : null;
            return this;
        }

        /**
         * Sets the path.
         *
         * @param path the path
         * @return this builder
         */
        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets the query from its raw, encoded text.
         *
         * @param rawQuery for example {@code a=1&b=x+y}
         * @return this builder
         */
        public Builder rawQuery(String rawQuery) {
            setRawQuery(rawQuery);
            return this;
        }

        /** The pairs now; the map grouped by name only if someone asks for it. */
        private void setRawQuery(String rawQuery) {
            this.queryPairs = QueryString.pairs(rawQuery);
            this.query = queryPairs.length == 0 ? Map.of() : null;
        }

        /**
         * Sets the query from already decoded parameters (as a servlet container gives them).
         *
         * @param parameters name to values
         * @return this builder
         */
        public Builder queryParameters(Map<String, List<String>> parameters) {
            Map<String, List<String>> m = new LinkedHashMap<>();
            parameters.forEach((k, v) -> m.put(k, List.copyOf(v)));
            this.query = Collections.unmodifiableMap(m);
            // the pairs, for the callback parsers, skip what they skip: a null name
            List<String> pairs = new ArrayList<>();
            m.forEach((k, v) -> v.forEach(value -> {
                if (k != null) {
                    pairs.add(k);
                    pairs.add(value);
                }
            }));
            this.queryPairs = pairs.toArray(new String[0]);
            return this;
        }

        /**
         * Adds a header value.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param body the bytes
         * @return this builder
         */
        public Builder body(byte[] body) {
            this.body = body == null ? new byte[0] : body.clone();
            return this;
        }

        /**
         * Sets the sender's address.
         *
         * @param address the IP address
         * @return this builder
         */
        public Builder remoteAddress(String address) {
            this.remoteAddress = address;
            return this;
        }

        /**
         * Builds the notification.
         *
         * @return the notification
         */
        public InboundNotification build() {
            return new InboundNotification(this);
        }
    }

    /**
     * Convenience for tests and examples: the URI's path and query.
     *
     * @param uri a URI
     * @return the notification as a GET
     */
    public static InboundNotification get(URI uri) {
        return get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
