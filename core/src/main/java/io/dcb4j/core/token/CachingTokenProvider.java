package io.dcb4j.core.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Caches a token and refreshes it for all concurrent callers at once (single flight): however many threads
 * ask while no valid token is cached, exactly one calls the {@link TokenSource}; the others wait and share
 * its result. A token is refreshed {@code skew} before it expires, and dropped on {@link #invalidate}.
 */
public final class CachingTokenProvider implements TokenProvider {

    /** The default refresh margin before expiry. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    private final TokenSource source;
    private final TokenStore store;
    private final String key;
    private final Duration skew;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile AccessToken lastSeen;

    private CachingTokenProvider(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.store = b.store == null ? TokenStore.inMemory() : b.store;
        this.key = Objects.requireNonNull(b.key, "key");
        this.skew = b.skew == null ? DEFAULT_SKEW : b.skew;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        if (skew.isNegative()) {
            throw new IllegalArgumentException("skew must not be negative");
        }
    }

    /**
     * A cache key for a provider account that does not reveal the credentials it is derived from: the
     * provider id and a SHA-256 digest of the parts (base URL, client id, user name ...).
     *
     * @param provider the provider id
     * @param parts what identifies the account; never put a secret in a key that is stored elsewhere
     * @return for example {@code eklectic:3f9a...}
     */
    public static String cacheKey(String provider, String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            joined.append(part).append('\n');
        }
        return provider + ":" + io.dcb4j.core.internal.Digests.sha256Hex(joined.toString(), 16);
    }

    /**
     * Starts a builder.
     *
     * @param key the cache key, unique per provider account (for example {@code eklectic:<client id hash>})
     * @param source what fetches new tokens
     * @return the builder
     */
    public static Builder builder(String key, TokenSource source) {
        return new Builder(key, source);
    }

    @Override
    public AccessToken token() {
        AccessToken cached = valid(store.get(key));
        if (cached != null) {
            return cached;
        }
        lock.lock();
        try {
            Optional<AccessToken> current = store.get(key);
            cached = valid(current);
            if (cached != null) {
                return cached;
            }
            AccessToken previous = current.orElse(lastSeen);
            AccessToken fresh = Objects.requireNonNull(source.fetch(previous), "token source returned null");
            store.put(key, fresh);
            lastSeen = fresh;
            return fresh;
        } finally {
            lock.unlock();
        }
    }

    private AccessToken valid(Optional<AccessToken> token) {
        if (token.isPresent() && !token.get().isExpired(clock.instant(), skew)) {
            return token.get();
        }
        return null;
    }

    @Override
    public void invalidate(AccessToken rejected) {
        if (rejected != null) {
            store.remove(key, rejected);
            // a rejected token's refresh token is not to be trusted either
            if (rejected.equals(lastSeen)) {
                lastSeen = null;
            }
        }
    }

    /**
     * The instant used for expiry decisions.
     *
     * @return now, by this provider's clock
     */
    public Instant now() {
        return clock.instant();
    }

    /** Builds a {@link CachingTokenProvider}. */
    public static final class Builder {
        private final String key;
        private final TokenSource source;
        private TokenStore store;
        private Duration skew;
        private Clock clock;

        private Builder(String key, TokenSource source) {
            this.key = key;
            this.source = source;
        }

        /**
         * Takes the token store, refresh skew and clock from client options.
         *
         * @param options the client's options
         * @return this builder
         */
        public Builder options(io.dcb4j.core.ClientOptions options) {
            this.store = options.tokenStore();
            this.skew = options.tokenRefreshSkew();
            this.clock = options.clock();
            return this;
        }

        /**
         * Where tokens are kept; in memory by default.
         *
         * @param store the store
         * @return this builder
         */
        public Builder store(TokenStore store) {
            this.store = store;
            return this;
        }

        /**
         * How long before expiry a token is refreshed; {@link #DEFAULT_SKEW} by default.
         *
         * @param skew the margin
         * @return this builder
         */
        public Builder skew(Duration skew) {
            this.skew = skew;
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
         * Builds the provider.
         *
         * @return the provider
         */
        public CachingTokenProvider build() {
            return new CachingTokenProvider(this);
        }
    }
}
