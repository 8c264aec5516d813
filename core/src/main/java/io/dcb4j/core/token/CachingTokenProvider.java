package io.dcb4j.core.token;

import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.internal.Observers;
import io.dcb4j.core.internal.TokenObservation;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.TokenEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Caches a token and refreshes it for all concurrent callers at once (single flight): however many threads
 * ask while no valid token is cached, exactly one calls the {@link TokenSource}, on its own thread; the
 * others wait for that one fetch and share its result, or its failure. A waiter gives up at its own limit
 * ({@link #token(Duration)}) or when its thread is interrupted, with a {@link DcbTransportException}; the
 * fetch goes on for the others. When the fetching thread itself is interrupted, the waiters start a new
 * fetch instead of failing. A token is refreshed {@code skew} before it expires, and dropped on
 * {@link #invalidate}.
 *
 * <p>Behind this in-JVM single flight, the one fetching caller refreshes through {@link TokenStore#refresh}:
 * with a store that several instances share, it holds the store's lock for the key (waited for and held at
 * most what is left of its deadline, or the {@link Builder#lockWait lock wait} for {@link #token()}), reads the
 * stored token again under the lock and calls the {@link TokenSource} only when no instance has stored a good
 * one meanwhile. N instances with M threads each that need a token after it expired cause exactly one token
 * request. Each request for a token is told to the options' {@link DcbObserver} (a
 * hit; or a miss: fetched, shared, failed), and the requests a fetch makes count for no operation.
 */
public final class CachingTokenProvider implements TokenProvider {

    /** The default refresh margin before expiry. */
    public static final Duration DEFAULT_SKEW = Duration.ofSeconds(60);

    /** The default longest wait for (and hold of) the store's lock by a caller without a deadline. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

    private final TokenSource source;
    private final TokenStore store;
    private final String key;
    private final Duration skew;
    private final Clock clock;
    private final Duration lockWait;
    private final DcbObserver observer;
    /** The provider id: the part of the key before the first {@code :}, for exceptions and the observer. */
    private final String provider;
    /** The fetch in progress, shared by every caller that finds no valid token meanwhile; null when none. */
    private final AtomicReference<CompletableFuture<AccessToken>> inFlight = new AtomicReference<>();
    private volatile AccessToken lastSeen;

    private CachingTokenProvider(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.store = b.store == null ? TokenStore.inMemory() : b.store;
        this.key = Objects.requireNonNull(b.key, "key");
        this.skew = b.skew == null ? DEFAULT_SKEW : b.skew;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.lockWait = b.lockWait == null ? DEFAULT_LOCK_WAIT : b.lockWait;
        this.observer = b.observer == null ? DcbObserver.noop() : b.observer;
        int colon = key.indexOf(':');
        String prefix = colon > 0 ? key.substring(0, colon) : "";
        this.provider = prefix.matches("[a-z0-9-]{1,40}") ? prefix : "token";
        if (skew.isNegative()) {
            throw new IllegalArgumentException("skew must not be negative");
        }
        if (lockWait.isNegative() || lockWait.isZero()) {
            throw new IllegalArgumentException("lockWait must be positive");
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
        return provider + ":" + io.dcb4j.core.spi.support.Digests.sha256Hex(joined.toString(), 16);
    }

    /**
     * Starts a builder.
     *
     * @param key the cache key, unique per provider account (for example {@code eklectic:<client id hash>});
     *     the part before the first {@code :} names the provider in the exceptions of waiting callers
     * @param source what fetches new tokens
     * @return the builder
     */
    public static Builder builder(String key, TokenSource source) {
        return new Builder(key, source);
    }

    /** Waits for a fetch that another caller started as long as it takes, unless interrupted. */
    @Override
    public AccessToken token() {
        return obtain(0L, false);
    }

    /**
     * A valid token: the cached one, a new one fetched on this thread, or the result of the fetch another
     * caller is running, waited for at most {@code maxWait}.
     *
     * @param maxWait how long this caller may wait for another caller's fetch
     * @return the token
     * @throws DcbTransportException when the other caller's fetch did not end within {@code maxWait}, or this
     *     thread was interrupted while waiting (its interrupt flag stays set)
     * @throws io.dcb4j.core.error.DcbException when the fetch failed
     */
    @Override
    public AccessToken token(Duration maxWait) {
        long nanos;
        try {
            nanos = Objects.requireNonNull(maxWait, "maxWait").toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 2;
        }
        return obtain(System.nanoTime() + Math.min(Math.max(nanos, 0), Long.MAX_VALUE / 2), true);
    }

    private AccessToken obtain(long deadline, boolean bounded) {
        if (!Observers.active(observer)) {
            return obtain(deadline, bounded, null);
        }
        TokenObservation observation = TokenObservation.start(observer, provider);
        AccessToken token;
        try {
            token = obtain(deadline, bounded, observation);
        } catch (RuntimeException | Error e) {
            observation.end(e);
            throw e;
        }
        observation.end(null);
        return token;
    }

    private AccessToken obtain(long deadline, boolean bounded, TokenObservation observation) {
        while (true) {
            AccessToken cached = valid(store.get(key));
            if (cached != null) {
                return cached;
            }
            TokenObservation.missed(observation);
            CompletableFuture<AccessToken> mine = new CompletableFuture<>();
            CompletableFuture<AccessToken> running = inFlight.compareAndExchange(null, mine);
            if (running == null) {
                return fetch(mine, deadline, bounded, observation);
            }
            AccessToken shared = await(running, deadline, bounded);
            if (shared != null) {
                TokenObservation.outcome(observation, TokenEvent.Outcome.SHARED);
                return shared;
            }
            // the fetching thread was interrupted, not this one: fetch again (or wait for who does)
        }
    }

    /** Runs the one fetch and hands its outcome to the callers that wait for it. */
    private AccessToken fetch(CompletableFuture<AccessToken> mine, long deadline, boolean bounded,
            TokenObservation observation) {
        AccessToken result = null;
        Throwable failure = null;
        try {
            result = valid(store.get(key));
            if (result == null) {
                Duration wait = bounded ? Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())) : lockWait;
                // under the store's lock: another instance may have stored a good token while this one waited
                Optional<AccessToken> refreshed = store.refresh(key, wait, stored -> {
                    AccessToken good = valid(stored);
                    if (good != null) {
                        return good;
                    }
                    AccessToken previous = stored.orElse(lastSeen);
                    TokenObservation.outcome(observation, TokenEvent.Outcome.FETCHED);
                    AccessToken fetched = Objects.requireNonNull(source.fetch(previous),
                            "token source returned null");
                    lastSeen = fetched;
                    return fetched;
                });
                result = refreshed.isPresent() ? refreshed.get() : valid(store.get(key));
                if (result == null) {
                    throw new DcbTransportException(Thread.currentThread().isInterrupted()
                            ? "interrupted while waiting for another instance's token refresh, before the request "
                                    + "was sent"
                            : "timed out waiting for another instance's token refresh, before the request was sent",
                            waitContext(), null);
                }
            }
            return result;
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            // cleared first: a caller arriving from now on finds the stored token, or starts the next fetch
            inFlight.set(null);
            if (failure == null) {
                mine.complete(result);
            } else if (Thread.currentThread().isInterrupted()) {
                mine.complete(null);
            } else {
                mine.completeExceptionally(failure);
            }
        }
    }

    private AccessToken await(CompletableFuture<AccessToken> running, long deadline, boolean bounded) {
        try {
            return bounded ? running.get(deadline - System.nanoTime(), TimeUnit.NANOSECONDS) : running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DcbTransportException("interrupted while waiting for a token, before the request was sent",
                    waitContext(), e);
        } catch (TimeoutException e) {
            throw new DcbTransportException("timed out waiting for a token, before the request was sent",
                    waitContext(), null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("token fetch failed", cause);
        }
    }

    private ErrorContext waitContext() {
        return ErrorContext.of(provider, "token");
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
            // a rejected token's refresh token is not to be trusted either (compared by value: a shared store
            // may give back a copy)
            AccessToken last = lastSeen;
            if (last != null && rejected.value().equals(last.value())) {
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
        private Duration lockWait;
        private DcbObserver observer;

        private Builder(String key, TokenSource source) {
            this.key = key;
            this.source = source;
        }

        /**
         * Takes the token store, refresh skew, clock and observer from client options, and their call timeout as
         * the {@link #lockWait lock wait}.
         *
         * @param options the client's options
         * @return this builder
         */
        public Builder options(io.dcb4j.core.ClientOptions options) {
            this.store = options.tokenStore();
            this.skew = options.tokenRefreshSkew();
            this.clock = options.clock();
            this.lockWait = options.callTimeout();
            this.observer = options.observer();
            return this;
        }

        /**
         * How long a caller without a deadline ({@link CachingTokenProvider#token()}) may wait for the store's
         * lock and hold it while it fetches; {@link #DEFAULT_LOCK_WAIT} by default. A caller with a deadline
         * ({@link CachingTokenProvider#token(Duration)}) uses what is left of it instead.
         *
         * @param wait positive
         * @return this builder
         */
        public Builder lockWait(Duration wait) {
            this.lockWait = wait;
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
         * The observer told about each request for a token; none by default.
         *
         * @param observer the observer
         * @return this builder
         */
        public Builder observer(DcbObserver observer) {
            this.observer = observer;
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
