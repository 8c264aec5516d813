package io.dcb4j.core;

import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.token.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Transport settings shared by every provider client: timeouts, retries, TLS policy, token cache, extra
 * headers, observer. Immutable; {@link #defaults()} suits production.
 *
 * <p>{@link Builder#okHttpClient(OkHttpClient)} is the one place where an OkHttp type appears in the public
 * API: it lets a caller share a connection pool or add certificate pinning, proxies or interceptors. A
 * client given this way is never closed by dcb4j.
 */
public final class ClientOptions {

    private static final ClientOptions DEFAULTS = builder().build();

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final RetryPolicy retryPolicy;
    private final boolean allowInsecureHttp;
    private final OkHttpClient okHttpClient;
    private final Map<String, String> extraHeaders;
    private final TokenStore tokenStore;
    private final Duration tokenRefreshSkew;
    private final Clock clock;
    private final long maxResponseBytes;
    private final ChargeJournal chargeJournal;
    private final DcbObserver observer;

    private ClientOptions(Builder b) {
        this.connectTimeout = positive(b.connectTimeout, "connectTimeout");
        this.readTimeout = positive(b.readTimeout, "readTimeout");
        this.callTimeout = positive(b.callTimeout, "callTimeout");
        this.retryPolicy = Objects.requireNonNull(b.retryPolicy, "retryPolicy");
        this.allowInsecureHttp = b.allowInsecureHttp;
        this.okHttpClient = b.okHttpClient;
        this.extraHeaders = Map.copyOf(b.extraHeaders);
        this.tokenStore = b.tokenStore;
        this.tokenRefreshSkew = Objects.requireNonNull(b.tokenRefreshSkew, "tokenRefreshSkew");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        if (b.maxResponseBytes < 1024) {
            throw new IllegalArgumentException("maxResponseBytes must be at least 1024");
        }
        this.maxResponseBytes = b.maxResponseBytes;
        this.chargeJournal = b.chargeJournal;
        this.observer = Objects.requireNonNull(b.observer, "observer");
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * Production defaults: connect 10 s, read 30 s, whole call (retries included) 60 s, {@link
     * RetryPolicy#defaults()}, https only.
     *
     * @return the defaults
     */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder with the default values.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this instance's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.callTimeout = callTimeout;
        b.retryPolicy = retryPolicy;
        b.allowInsecureHttp = allowInsecureHttp;
        b.okHttpClient = okHttpClient;
        b.extraHeaders.putAll(extraHeaders);
        b.tokenStore = tokenStore;
        b.tokenRefreshSkew = tokenRefreshSkew;
        b.clock = clock;
        b.maxResponseBytes = maxResponseBytes;
        b.chargeJournal = chargeJournal;
        b.observer = observer;
        return b;
    }

    /**
     * The TCP connect timeout.
     *
     * @return the timeout
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * The socket read timeout.
     *
     * @return the timeout
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * The limit for a whole operation: the token fetch (or the wait for another call's fetch), the refresh
     * after a 401, every attempt and every backoff.
     *
     * @return the timeout
     */
    public Duration callTimeout() {
        return callTimeout;
    }

    /**
     * The retry policy.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Whether {@code http://} base URLs are accepted (tests and simulators on loopback).
     *
     * @return false by default
     */
    public boolean allowInsecureHttp() {
        return allowInsecureHttp;
    }

    /**
     * The caller's OkHttp client, or null when dcb4j creates and owns one.
     *
     * @return the client
     */
    public OkHttpClient okHttpClient() {
        return okHttpClient;
    }

    /**
     * Headers added to every request.
     *
     * @return the headers
     */
    public Map<String, String> extraHeaders() {
        return extraHeaders;
    }

    /**
     * The token store, or null for a private in-memory one.
     *
     * @return the store
     */
    public TokenStore tokenStore() {
        return tokenStore;
    }

    /**
     * How long before expiry tokens are refreshed.
     *
     * @return the margin
     */
    public Duration tokenRefreshSkew() {
        return tokenRefreshSkew;
    }

    /**
     * The clock used for token expiry and parsed times.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The largest answer body read; a larger one is a protocol error.
     *
     * @return bytes
     */
    public long maxResponseBytes() {
        return maxResponseBytes;
    }

    /**
     * The journal that records the money-moving writes of the neutral API (charges, PIN confirmations,
     * renewals, refunds), for idempotency across calls and reconciliation after a crash; see
     * {@link io.dcb4j.core.journal.Journaling}.
     *
     * @return the journal; empty by default (no journal)
     */
    public Optional<ChargeJournal> chargeJournal() {
        return Optional.ofNullable(chargeJournal);
    }

    /**
     * The observer told about every operation, retry, token request and callback.
     *
     * @return {@link DcbObserver#noop()} by default
     */
    public DcbObserver observer() {
        return observer;
    }

    /** Builds {@link ClientOptions}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private boolean allowInsecureHttp;
        private OkHttpClient okHttpClient;
        private final Map<String, String> extraHeaders = new LinkedHashMap<>();
        private TokenStore tokenStore;
        private Duration tokenRefreshSkew = Duration.ofSeconds(60);
        private Clock clock = Clock.systemUTC();
        private long maxResponseBytes = 4L * 1024 * 1024;
        private ChargeJournal chargeJournal;
        private DcbObserver observer = DcbObserver.noop();

        private Builder() {
        }

        /**
         * The TCP connect timeout.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * The socket read timeout.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /**
         * The limit for a whole operation, the token fetch and the retries included.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder callTimeout(Duration timeout) {
            this.callTimeout = timeout;
            return this;
        }

        /**
         * The retry policy.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        /**
         * Accept {@code http://} base URLs. For loopback tests and simulators only.
         *
         * @param allow true to accept
         * @return this builder
         */
        public Builder allowInsecureHttp(boolean allow) {
            this.allowInsecureHttp = allow;
            return this;
        }

        /**
         * Uses the caller's OkHttp client (shared pool, certificate pinning, proxy). dcb4j derives its own
         * settings from it with {@code newBuilder()}, which shares the pool, and never closes it. The derived
         * client has dcb4j's timeouts and never follows redirects, whatever the caller's client does.
         *
         * @param client the client
         * @return this builder
         */
        public Builder okHttpClient(OkHttpClient client) {
            this.okHttpClient = client;
            return this;
        }

        /**
         * Adds a header to every request (for gateways that want one the documents do not show).
         *
         * @param name the header name
         * @param value the value
         * @return this builder
         */
        public Builder extraHeader(String name, String value) {
            extraHeaders.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Where tokens are cached; by default a private in-memory store per client.
         *
         * @param store the store
         * @return this builder
         */
        public Builder tokenStore(TokenStore store) {
            this.tokenStore = store;
            return this;
        }

        /**
         * How long before expiry tokens are refreshed; 60 s by default.
         *
         * @param skew the margin
         * @return this builder
         */
        public Builder tokenRefreshSkew(Duration skew) {
            this.tokenRefreshSkew = skew;
            return this;
        }

        /**
         * The clock; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The largest answer body read; 4 MiB by default.
         *
         * @param bytes at least 1024
         * @return this builder
         */
        public Builder maxResponseBytes(long bytes) {
            this.maxResponseBytes = bytes;
            return this;
        }

        /**
         * Records the money-moving writes of the neutral API in this journal: a repeated idempotency key returns
         * the recorded outcome, a different request under it is refused, and a write whose outcome is unknown is
         * left for the {@link io.dcb4j.core.journal.Reconciler}. When the journal cannot be written, the write
         * fails closed, before sending. Applied by clients built on {@link io.dcb4j.core.spi.ProviderClient} and
         * by {@link BillingProviders#create(String, Map, ClientOptions)}. None by default.
         *
         * @param journal the journal, or null for none
         * @return this builder
         */
        public Builder chargeJournal(ChargeJournal journal) {
            this.chargeJournal = journal;
            return this;
        }

        /**
         * The observer told about every operation, retry, token request and callback (the {@code
         * dcb4j-micrometer} module has one for Micrometer); it never receives a secret, PIN, token or full MSISDN.
         *
         * @param observer the observer; {@link DcbObserver#noop()} (the default) observes nothing
         * @return this builder
         */
        public Builder observer(DcbObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ClientOptions build() {
            return new ClientOptions(this);
        }
    }
}
