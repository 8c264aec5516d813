package io.dcb4j.testkit.internal;

import io.dcb4j.core.spi.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulator's answer.
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body bytes
 * @param delay how long to wait before answering (the "slow answer" failure path); zero normally
 */
public record SimResponse(int status, Map<String, String> headers, byte[] body, Duration delay) {

    /**
     * Copies.
     *
     * @param status the status
     * @param headers the headers
     * @param body the body
     * @param delay the delay; null means none
     */
    public SimResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /**
     * A JSON answer.
     *
     * @param status the status
     * @param value serialised with the core mapper (a Map, a record, a JsonNode ...)
     * @return the response
     */
    public static SimResponse json(int status, Object value) {
        return new SimResponse(status, Map.of("Content-Type", "application/json"), Json.write(value), null);
    }

    /**
     * A JSON answer from raw text.
     *
     * @param status the status
     * @param json the JSON text
     * @return the response
     */
    public static SimResponse rawJson(int status, String json) {
        return new SimResponse(status, Map.of("Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8), null);
    }

    /**
     * A text answer.
     *
     * @param status the status
     * @param contentType the content type
     * @param text the body
     * @return the response
     */
    public static SimResponse text(int status, String contentType, String text) {
        return new SimResponse(status, Map.of("Content-Type", contentType), text.getBytes(StandardCharsets.UTF_8),
                null);
    }

    /**
     * An empty answer.
     *
     * @param status the status
     * @return the response
     */
    public static SimResponse empty(int status) {
        return new SimResponse(status, Map.of(), new byte[0], null);
    }

    /**
     * A {@code 302} redirect.
     *
     * @param location where to
     * @return the response
     */
    public static SimResponse redirect(String location) {
        return new SimResponse(302, Map.of("Location", location), new byte[0], null);
    }

    /**
     * A copy with one more header.
     *
     * @param name the name
     * @param value the value
     * @return the copy
     */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, h, body, delay);
    }

    /**
     * A copy answered after {@code delay}.
     *
     * @param wait the delay
     * @return the copy
     */
    public SimResponse delayed(Duration wait) {
        return new SimResponse(status, headers, body, wait);
    }

    /** Thrown by a handler to answer at once with {@link #response()}. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient SimResponse response;

        /**
         * Creates the failure.
         *
         * @param response what to answer
         */
        public Failure(SimResponse response) {
            super("simulated failure HTTP " + response.status(), null, false, false);
            this.response = response;
        }

        /**
         * What to answer.
         *
         * @return the response
         */
        public SimResponse response() {
            return response;
        }
    }
}
