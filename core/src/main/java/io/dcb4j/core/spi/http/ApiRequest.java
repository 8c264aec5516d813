package io.dcb4j.core.spi.http;

import io.dcb4j.core.spi.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * One logical provider call: what to send and how to treat it (authentication, idempotency, retry safety).
 * Immutable once built. Internal.
 */
public final class ApiRequest {

    /** {@code application/json; charset=utf-8}. */
    public static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    final String method;
    final HttpUrl url;
    final String operation;
    final Map<String, String> headers;
    final RequestBody body;
    /** The body's bytes when it is JSON written by {@link Builder#jsonBody}, else null. */
    final byte[] json;
    final boolean authenticated;
    final String idempotencyHeader;
    final String idempotencyKey;
    final Boolean retrySafe;
    final java.util.List<String> sensitive;
    final io.dcb4j.core.error.ProviderReference reference;
    final io.dcb4j.core.token.TokenProvider tokens;

    private ApiRequest(Builder b) {
        this.method = b.method;
        this.url = Objects.requireNonNull(b.url, "url");
        this.operation = Objects.requireNonNull(b.operation, "operation");
        this.headers = b.headers == null ? Map.of() : Map.copyOf(b.headers);
        this.body = b.body;
        this.json = b.json;
        this.authenticated = b.authenticated;
        this.idempotencyHeader = b.idempotencyHeader;
        this.idempotencyKey = b.idempotencyKey;
        this.retrySafe = b.retrySafe;
        this.sensitive = b.sensitive == null ? java.util.List.of() : java.util.List.copyOf(b.sensitive);
        this.reference = b.reference;
        this.tokens = b.tokens;
    }

    /**
     * The answer with every sensitive value of this request (a PIN, a password) replaced by {@code ***} in
     * its body, so that an error mapper cannot copy one the provider echoed into an exception message.
     *
     * @param response an error answer
     * @return the scrubbed answer, or the same when there is nothing to scrub
     */
    ApiResponse scrubSensitive(ApiResponse response) {
        if (sensitive.isEmpty() || response.body().length == 0) {
            return response;
        }
        String text = response.text();
        String scrubbed = text;
        for (String value : sensitive) {
            scrubbed = scrubbed.replace(value, io.dcb4j.core.spi.support.Redaction.MASK);
        }
        return scrubbed.equals(text) ? response : new ApiResponse(response.status(), response.headers(),
                scrubbed.getBytes(java.nio.charset.StandardCharsets.UTF_8), response.context());
    }

    /**
     * A GET.
     *
     * @param operation the operation name for logs and errors
     * @param url the URL
     * @return the builder
     */
    public static Builder get(String operation, HttpUrl url) {
        return new Builder("GET", operation, url);
    }

    /**
     * A POST; set the body on the builder.
     *
     * @param operation the operation name
     * @param url the URL
     * @return the builder
     */
    public static Builder post(String operation, HttpUrl url) {
        return new Builder("POST", operation, url);
    }

    /**
     * A PUT; set the body on the builder.
     *
     * @param operation the operation name
     * @param url the URL
     * @return the builder
     */
    public static Builder put(String operation, HttpUrl url) {
        return new Builder("PUT", operation, url);
    }

    /**
     * A DELETE.
     *
     * @param operation the operation name
     * @param url the URL
     * @return the builder
     */
    public static Builder delete(String operation, HttpUrl url) {
        return new Builder("DELETE", operation, url);
    }

    /**
     * The operation name.
     *
     * @return the name
     */
    public String operation() {
        return operation;
    }

    /**
     * The HTTP method.
     *
     * @return the method
     */
    public String method() {
        return method;
    }

    /**
     * The URL.
     *
     * @return the URL
     */
    public HttpUrl url() {
        return url;
    }

    /**
     * Whether the call may be repeated without risk of doing its effect twice.
     *
     * @return the explicit setting, else true for GET and HEAD and for calls with an idempotency key
     */
    public boolean isRetrySafe() {
        if (retrySafe != null) {
            return retrySafe;
        }
        return method.equals("GET") || method.equals("HEAD") || idempotencyKey != null;
    }

    /** Builds an {@link ApiRequest}. */
    public static final class Builder {
        private final String method;
        private final String operation;
        private final HttpUrl url;
        /** Made on first use: most requests add no header of their own. */
        private Map<String, String> headers;
        private RequestBody body;
        private byte[] json;
        private boolean authenticated = true;
        private String idempotencyHeader;
        private String idempotencyKey;
        private Boolean retrySafe;
        private java.util.List<String> sensitive;
        private io.dcb4j.core.error.ProviderReference reference;
        private io.dcb4j.core.token.TokenProvider tokens;

        private Builder(String method, String operation, HttpUrl url) {
            this.method = method;
            this.operation = operation;
            this.url = url;
        }

        /**
         * Adds a header.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder header(String name, String value) {
            if (headers == null) {
                headers = new LinkedHashMap<>();
            }
            headers.put(name, value);
            return this;
        }

        /**
         * A JSON body from an object, serialised with the shared mapper.
         *
         * @param value the body object
         * @return this builder
         */
        public Builder jsonBody(Object value) {
            this.json = Json.write(value);
            this.body = RequestBody.create(json, JSON);
            return this;
        }

        /**
         * A form-encoded body. Null values are skipped.
         *
         * @param fields the fields, in order
         * @return this builder
         */
        public Builder formBody(Map<String, String> fields) {
            FormBody.Builder fb = new FormBody.Builder();
            fields.forEach((k, v) -> {
                if (v != null) {
                    fb.add(k, v);
                }
            });
            this.body = fb.build();
            this.json = null;
            return this;
        }

        /**
         * An empty body (for POSTs without content).
         *
         * @return this builder
         */
        public Builder emptyBody() {
            this.body = RequestBody.create(new byte[0], null);
            this.json = null;
            return this;
        }

        /**
         * Whether the client's token is attached; true by default.
         *
         * @param authenticated false for token and login calls
         * @return this builder
         */
        public Builder authenticated(boolean authenticated) {
            this.authenticated = authenticated;
            return this;
        }

        /**
         * Sends an idempotency key, the same on every retry, which makes the call retry-safe.
         *
         * @param header the header name, for example {@code Idempotency-Key}
         * @param key the key
         * @return this builder
         */
        public Builder idempotencyKey(String header, String key) {
            this.idempotencyHeader = Objects.requireNonNull(header, "header");
            this.idempotencyKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /**
         * Overrides retry safety, for writes that are reads in disguise (a POST lookup, a token request).
         *
         * @param safe true when repeating cannot do harm
         * @return this builder
         */
        public Builder retrySafe(boolean safe) {
            this.retrySafe = safe;
            return this;
        }

        /**
         * Values this request carries that must never reach an exception message (a PIN, a password): they
         * are removed from error answers before the error mapper reads them. Logs never show bodies anyway.
         *
         * @param values the secret values; null and blank ones are ignored
         * @return this builder
         */
        public Builder sensitive(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    if (sensitive == null) {
                        sensitive = new java.util.ArrayList<>();
                    }
                    sensitive.add(v);
                }
            }
            return this;
        }

        /**
         * The provider's reference of what this call is about (a payment id, a transaction id, a
         * subscription id, an idempotency key), known before the call: every exception of the call carries it
         * ({@link io.dcb4j.core.error.DcbException#reference()}), and a write whose outcome is unknown names it
         * in its message, so that the merchant knows what to reconcile. Never personal data (no MSISDN).
         *
         * @param kind what the id is, in the provider's terms, for example {@code paymentId}
         * @param id the id; null or blank sets none
         * @return this builder
         */
        public Builder reference(String kind, String id) {
            this.reference = id == null || id.isBlank() ? null : new io.dcb4j.core.error.ProviderReference(kind, id);
            return this;
        }

        /**
         * The token provider of this call, in place of the transport's: for APIs whose token names a subject
         * (a three-legged OAuth token issued for one subscriber), so that each call carries its subject's
         * token. A 401 answer invalidates the token of this provider and retries once, as for the transport's.
         * Ignored when the call is not {@link #authenticated(boolean) authenticated}.
         *
         * @param tokens the provider; null for the transport's
         * @return this builder
         */
        public Builder tokens(io.dcb4j.core.token.TokenProvider tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         */
        public ApiRequest build() {
            if (body == null && (method.equals("POST") || method.equals("PUT"))) {
                emptyBody();
            }
            return new ApiRequest(this);
        }
    }
}
