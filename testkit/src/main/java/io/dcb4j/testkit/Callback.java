package io.dcb4j.testkit;

import io.dcb4j.core.notification.InboundNotification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One provider callback as it goes on the wire: a method, the query string the provider adds to the
 * merchant's callback URL, headers and a body. Immutable.
 */
public final class Callback {

    private final String provider;
    private final CallbackEvent event;
    private final String method;
    private final String rawQuery;
    private final Map<String, String> headers;
    private final byte[] body;

    /**
     * Creates a callback.
     *
     * @param provider the provider id
     * @param event the event
     * @param method {@code GET} or {@code POST}
     * @param rawQuery the encoded query string the provider appends to the callback URL, or null
     * @param headers the headers (a content type, a signature), copied
     * @param body the body, copied; empty for none
     */
    public Callback(String provider, CallbackEvent event, String method, String rawQuery, Map<String, String> headers,
            byte[] body) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.event = Objects.requireNonNull(event, "event");
        this.method = Objects.requireNonNull(method, "method");
        this.rawQuery = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        this.body = body == null ? new byte[0] : body.clone();
    }

    /**
     * The provider id.
     *
     * @return the id
     */
    public String provider() {
        return provider;
    }

    /**
     * The event.
     *
     * @return the event
     */
    public CallbackEvent event() {
        return event;
    }

    /**
     * The HTTP method.
     *
     * @return {@code GET} or {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * The encoded query string the provider appends to the callback URL.
     *
     * @return the query, empty when none
     */
    public java.util.Optional<String> rawQuery() {
        return java.util.Optional.ofNullable(rawQuery);
    }

    /**
     * The headers.
     *
     * @return name to value
     */
    public Map<String, String> headers() {
        return headers;
    }

    /**
     * The body.
     *
     * @return a copy; empty for none
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The URL the callback goes to: the merchant's callback URL with the provider's query appended.
     *
     * @param url the merchant's callback URL, for example {@code http://127.0.0.1:8080/dcb/eklectic}
     * @return the full URL
     */
    public URI target(String url) {
        if (rawQuery == null) {
            return URI.create(url);
        }
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        return URI.create(base + (base.contains("?") ? "&" : "?") + rawQuery);
    }

    /**
     * The callback as a merchant's endpoint receives it at {@code url}, to parse it in-process.
     *
     * @param url the merchant's callback URL
     * @return the notification, from {@code 127.0.0.1}
     */
    public InboundNotification toNotification(String url) {
        URI target = target(url);
        InboundNotification.Builder b = InboundNotification.builder(method).path(target.getRawPath())
                .rawQuery(target.getRawQuery()).body(body).remoteAddress("127.0.0.1");
        headers.forEach(b::header);
        return b.build();
    }

    /**
     * Sends the callback to a merchant's endpoint and reads its answer (no redirects followed).
     *
     * @param url the merchant's callback URL
     * @param timeout how long to wait for the answer
     * @return the endpoint's answer
     * @throws IOException when the endpoint cannot be reached
     * @throws InterruptedException when interrupted while waiting
     */
    public Answer deliver(String url, Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(target(url)).timeout(timeout);
        headers.forEach(request::header);
        request.method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        byte[] bytes = answer.body();
        String text = new String(bytes, 0, Math.min(bytes.length, 64 * 1024), StandardCharsets.UTF_8);
        return new Answer(answer.statusCode(), answer.headers().firstValue("Content-Type").orElse(""), text);
    }

    /**
     * What the merchant's endpoint answered.
     *
     * @param status the HTTP status
     * @param contentType the content type, empty when none
     * @param body the body as text (at most 64 KiB read)
     */
    public record Answer(int status, String contentType, String body) {
    }

    /** Method, provider and event; never the query (it may hold the secret) or the body. */
    @Override
    public String toString() {
        return "Callback[" + provider + " " + event + ", " + method + "]";
    }
}
