package io.dcb4j.core.internal.http;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.internal.Redaction;
import io.dcb4j.core.internal.Version;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenProvider;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP plumbing every provider client uses: one OkHttp client, authentication with one
 * refresh-and-retry on 401, safe retries with backoff and {@code Retry-After}, idempotency keys, an overall
 * call deadline, bounded body reads, redacted logging. Thread-safe. Internal.
 */
public final class HttpTransport implements AutoCloseable {

    /** The logger every call is logged to at DEBUG. */
    public static final String LOGGER_NAME = "io.dcb4j.http";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final String USER_AGENT = "dcb4j/" + Version.get();
    private static final List<String> REQUEST_ID_HEADERS =
            List.of("x-request-id", "x-correlation-id", "request-id", "x-trace-id", "traceid");

    private final String provider;
    private final ClientOptions options;
    private final HttpUrl baseUrl;
    private final OkHttpClient client;
    private final boolean ownsClient;
    private final TokenProvider tokens;
    private final ErrorMapper errorMapper;
    private final List<String> credentials;

    private HttpTransport(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.options = Objects.requireNonNull(b.options, "options");
        this.baseUrl = b.baseUrl;
        this.errorMapper = b.errorMapper == null ? HttpErrors.byStatus() : b.errorMapper;
        this.credentials = List.copyOf(b.credentials);
        OkHttpClient base = options.okHttpClient();
        this.ownsClient = base == null;
        OkHttpClient.Builder cb = base == null ? new OkHttpClient.Builder() : base.newBuilder();
        this.client = cb
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                // dcb4j decides about retries itself: OkHttp would silently repeat a POST after a reset
                .retryOnConnectionFailure(false)
                .addNetworkInterceptor(SENT_MARKER)
                .build();
        // last: a token factory may keep this transport to call the token endpoint through it
        try {
            this.tokens = b.tokensFactory != null ? b.tokensFactory.apply(this) : b.tokens;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Marks an attempt as sent once a connection is open and the request is about to be written. */
    private static final Interceptor SENT_MARKER = chain -> {
        AttemptState state = chain.request().tag(AttemptState.class);
        if (state != null) {
            state.sent = true;
        }
        return chain.proceed(chain.request());
    };

    private static final class AttemptState {
        volatile boolean sent;
    }

    /**
     * Starts a builder.
     *
     * @param provider the provider id, for logs and errors
     * @param options the client options
     * @return the builder
     */
    public static Builder builder(String provider, ClientOptions options) {
        return new Builder(provider, options);
    }

    /**
     * Validates a base URL: absolute, http or https, and https unless the options allow http.
     *
     * @param provider the provider id
     * @param key the configuration key, for the error message
     * @param raw the URL text
     * @param options the options
     * @return the URL
     * @throws ConfigurationException when invalid
     */
    public static HttpUrl parseBaseUrl(String provider, String key, String raw, ClientOptions options) {
        if (raw == null || raw.isBlank()) {
            throw new ConfigurationException(provider, key, "is required");
        }
        HttpUrl url = HttpUrl.parse(raw.strip());
        if (url == null) {
            throw new ConfigurationException(provider, key, "is not an absolute http(s) URL");
        }
        if (!url.isHttps() && !options.allowInsecureHttp()) {
            throw new ConfigurationException(provider, key,
                    "uses http://; only https is allowed unless ClientOptions.allowInsecureHttp(true) is set");
        }
        return url;
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
     * The options.
     *
     * @return the options
     */
    public ClientOptions options() {
        return options;
    }

    /**
     * A URL builder starting at the base URL, with {@code path} (slash-separated, already safe) appended.
     *
     * @param path for example {@code subscription/otp}; empty for the base itself
     * @return the builder
     */
    public HttpUrl.Builder url(String path) {
        if (baseUrl == null) {
            throw new IllegalStateException("no base URL configured");
        }
        HttpUrl.Builder b = baseUrl.newBuilder();
        if (!path.isEmpty()) {
            b.addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        }
        return b;
    }

    /**
     * An error context for an operation of this provider.
     *
     * @param operation the operation
     * @return the context
     */
    public ErrorContext context(String operation) {
        return ErrorContext.of(provider, operation);
    }

    /**
     * Executes a call: returns the 2xx answer, or throws the mapped {@link DcbException}.
     *
     * @param request the call
     * @return the successful answer, body read
     * @throws DcbException on any failure
     */
    public ApiResponse execute(ApiRequest request) {
        RetryPolicy policy = options.retryPolicy();
        long deadline = System.nanoTime() + options.callTimeout().toNanos();
        ErrorContext base = ErrorContext.of(provider, request.operation).withReference(request.reference)
                .redacting(credentials).redacting(RequestSecrets.of(request, options));
        boolean authRetried = false;
        int attempt = 0;
        while (true) {
            attempt++;
            AccessToken token = request.authenticated && tokens != null ? tokens.token() : null;
            AttemptState state = new AttemptState();
            Request httpRequest;
            try {
                httpRequest = toHttp(request, token, state);
            } catch (IllegalArgumentException e) {
                // OkHttp refuses control or non-ASCII characters in a header; its message may quote the value,
                // so it is not kept. A token that cannot be sent is dropped, or every call would fail until expiry.
                if (token != null) {
                    tokens.invalidate(token);
                }
                throw new DcbProtocolException(token != null
                        ? "the provider's token cannot be sent: it is not a valid HTTP header value"
                        : "a request header is not a valid HTTP header value", base, null);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new DcbTransportException("call timeout of " + options.callTimeout().toMillis()
                        + " ms exceeded before attempt " + attempt, base, null);
            }
            Call call = client.newCall(httpRequest);
            call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
            long start = System.nanoTime();
            ApiResponse response;
            try (Response raw = call.execute()) {
                response = read(raw, base.redacting(RequestSecrets.of(token)));
            } catch (IOException e) {
                log(request, attempt, start, -1, e);
                boolean safe = !state.sent || request.isRetrySafe();
                Duration delay = policy.delayBeforeRetry(attempt, null);
                if (safe && attempt < policy.maxAttempts() && fits(deadline, delay)) {
                    pause(delay, base);
                    continue;
                }
                throw new DcbTransportException(describe(e, state.sent, request), base,
                        !state.sent || request.isRetrySafe(), e);
            } catch (DcbProtocolException e) {
                log(request, attempt, start, -2, null);
                throw e;
            }
            log(request, attempt, start, response.status(), null);
            if (response.isSuccessful()) {
                return response;
            }
            response = request.scrubSensitive(response);
            if (response.status() == 401 && token != null && !authRetried) {
                tokens.invalidate(token);
                authRetried = true;
                attempt--;
                continue;
            }
            Duration retryAfter = HttpErrors.retryAfter(response);
            if (request.isRetrySafe() && attempt < policy.maxAttempts()
                    && policy.isRetryableStatus(response.status(), retryAfter != null)
                    && (retryAfter == null || retryAfter.compareTo(policy.maxRetryAfter()) <= 0)) {
                Duration delay = policy.delayBeforeRetry(attempt, retryAfter);
                if (fits(deadline, delay)) {
                    pause(delay, base);
                    continue;
                }
            }
            DcbException mapped = errorMapper.map(request, response);
            throw Objects.requireNonNull(mapped, "error mapper returned null");
        }
    }

    private static boolean fits(long deadline, Duration delay) {
        return System.nanoTime() + delay.toNanos() < deadline;
    }

    private static void pause(Duration delay, ErrorContext context) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), (int) (delay.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DcbTransportException("interrupted while waiting to retry", context, e);
        }
    }

    private static String describe(IOException e, boolean sent, ApiRequest request) {
        String kind = e instanceof InterruptedIOException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        if (!sent) {
            return "connection " + kind + " before the request was sent";
        }
        return "call " + kind + " after the request was sent; "
                + (request.isRetrySafe() ? "retries exhausted" : "not retried: the provider may have applied it"
                        + (request.reference == null ? "" : "; query the status of this "
                                + request.reference.kind() + " (see reference) before trying again"));
    }

    private Request toHttp(ApiRequest request, AccessToken token, AttemptState state) {
        Request.Builder b = new Request.Builder()
                .url(request.url)
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .tag(AttemptState.class, state);
        options.extraHeaders().forEach(b::header);
        request.headers.forEach(b::header);
        if (token != null) {
            b.header(token.headerName(), token.headerValue());
        }
        if (request.idempotencyKey != null) {
            b.header(request.idempotencyHeader, request.idempotencyKey);
        }
        b.method(request.method, request.body);
        return b.build();
    }

    private ApiResponse read(Response raw, ErrorContext base) throws IOException {
        ErrorContext context = base.withHttpStatus(raw.code()).withRequestId(requestId(raw.headers()));
        ResponseBody body = raw.body();
        byte[] bytes;
        long max = options.maxResponseBytes();
        if (body == null) {
            bytes = new byte[0];
        } else {
            long declared = body.contentLength();
            BufferedSource source = body.source();
            if (declared > max || source.request(max + 1)) {
                throw new DcbProtocolException("answer larger than " + max + " bytes", context, null);
            }
            bytes = source.readByteArray();
        }
        return new ApiResponse(raw.code(), headers(raw.headers()), bytes, context);
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : headers.names()) {
            map.put(name.toLowerCase(Locale.ROOT), headers.values(name));
        }
        return map;
    }

    private static String requestId(Headers headers) {
        for (String name : REQUEST_ID_HEADERS) {
            String v = headers.get(name);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private void log(ApiRequest request, int attempt, long startNanos, int status, IOException failure) {
        if (!LOG.isDebugEnabled()) {
            return;
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
        String outcome = status >= 0 ? Integer.toString(status)
                : failure != null ? failure.getClass().getSimpleName() : "unreadable answer";
        LOG.debug("{} {}: {} {} -> {} in {} ms (attempt {})", provider, request.operation, request.method,
                redact(request.url), outcome, ms, attempt);
    }

    /**
     * The URL as logged: sensitive query values replaced by {@code ***}, MSISDN-like numbers masked.
     *
     * @param url the URL
     * @return the redacted text
     */
    public static String redact(HttpUrl url) {
        StringBuilder sb = new StringBuilder();
        sb.append(Redaction.maskDigitRuns(url.encodedPath()));
        int n = url.querySize();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? '?' : '&').append(url.queryParameterName(i)).append('=');
            String v = url.queryParameterValue(i);
            if (v != null) {
                sb.append(Redaction.isSensitiveKey(url.queryParameterName(i)) ? Redaction.MASK
                        : Redaction.maskDigitRuns(v));
            }
        }
        return sb.toString();
    }

    /** The OkHttp client in use, for tests of its lifecycle. */
    OkHttpClient okHttpClient() {
        return client;
    }

    /** Releases the connection pool and threads, unless the OkHttp client was the caller's. */
    @Override
    public void close() {
        if (ownsClient) {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    /** Builds an {@link HttpTransport}. */
    public static final class Builder {
        private final String provider;
        private final ClientOptions options;
        private HttpUrl baseUrl;
        private TokenProvider tokens;
        private java.util.function.Function<HttpTransport, TokenProvider> tokensFactory;
        private ErrorMapper errorMapper;
        private final List<String> credentials = new java.util.ArrayList<>();

        private Builder(String provider, ClientOptions options) {
            this.provider = provider;
            this.options = options;
        }

        /**
         * The base URL, validated with {@link #parseBaseUrl}.
         *
         * @param key the configuration key, for errors
         * @param raw the URL
         * @return this builder
         */
        public Builder baseUrl(String key, String raw) {
            this.baseUrl = parseBaseUrl(provider, key, raw, options);
            return this;
        }

        /**
         * The token provider for authenticated calls.
         *
         * @param tokens the provider
         * @return this builder
         */
        public Builder tokens(TokenProvider tokens) {
            this.tokens = tokens;
            return this;
        }

        /**
         * The token provider for authenticated calls, built from the transport itself: for token endpoints
         * that are called through the same transport (logging, retries, timeouts, TLS).
         *
         * @param factory receives the finished transport, returns the token provider
         * @return this builder
         */
        public Builder tokens(java.util.function.Function<HttpTransport, TokenProvider> factory) {
            this.tokensFactory = factory;
            return this;
        }

        /**
         * The provider's error mapping; status-based by default.
         *
         * @param mapper the mapper
         * @return this builder
         */
        public Builder errorMapper(ErrorMapper mapper) {
            this.errorMapper = mapper;
            return this;
        }

        /**
         * The client's credentials (client secret, password, API key): masked in the provider text of every
         * answer, whichever call it answers, should the provider echo one. The values a request carries are
         * masked anyway (see {@link ApiRequest.Builder#sensitive}).
         *
         * @param values the credentials; null and blank ones are ignored
         * @return this builder
         */
        public Builder credentials(String... values) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    credentials.add(v);
                }
            }
            return this;
        }

        /**
         * Builds the transport.
         *
         * @return the transport
         */
        public HttpTransport build() {
            return new HttpTransport(this);
        }
    }
}
