package io.dcb4j.core.token;

import java.time.Duration;
import java.util.Optional;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where cached tokens live. The default is in memory; an implementation backed by a shared store (a database
 * table, a cache) lets several application instances share one token. Implementations are thread-safe.
 *
 * <p><b>Cross-instance single flight.</b> {@link CachingTokenProvider} lets one caller per JVM fetch a new
 * token; {@link #refresh} extends that to every instance sharing the store. A store that several instances
 * share implements it with a lock on the key (a row or advisory lock, {@code SET NX} with a lease), so that N
 * instances needing a token after it expired cause exactly one token request, and providers that revoke the
 * previous token on each issue do not make instances revoke each other's tokens (401, refresh, 401). The
 * default implementation takes no lock: it is single flight per JVM only.
 */
public interface TokenStore {

    /**
     * The token stored under {@code key}.
     *
     * @param key the cache key
     * @return the token, if any
     */
    Optional<AccessToken> get(String key);

    /**
     * Stores a token.
     *
     * @param key the cache key
     * @param token the token
     */
    void put(String key, AccessToken token);

    /**
     * Removes the token under {@code key} only if it is still {@code expected}.
     *
     * @param key the cache key
     * @param expected the token to remove
     * @return true when removed
     */
    boolean remove(String key, AccessToken expected);

    /**
     * Refreshes the token under {@code key} while holding this store's lock for the key, so that one caller
     * at a time across every instance sharing the store runs {@code refresher}. The refresher receives the
     * token stored when the lock was obtained (another instance may have refreshed it meanwhile) and returns
     * the token to use: that one when it is still good, or a new one it fetched. The store keeps what the
     * refresher returns (unless it is the stored token) before it releases the lock.
     *
     * <p>The lock is waited for at most {@code maxWait} and held at most {@code maxWait}: an implementation
     * that cannot release it itself when the holder dies (a database session) bounds it by that time. The
     * default implementation takes no lock.
     *
     * @param key the cache key
     * @param maxWait how long this caller may wait for the lock and hold it: what is left of its call deadline
     * @param refresher called under the lock with the stored token; returns the token to use, never null;
     *     what it throws is thrown from here and nothing is stored
     * @return the token the refresher returned; empty when the lock was not obtained within {@code maxWait}
     *     (read the store again: the holder may have stored a token by then)
     */
    default Optional<AccessToken> refresh(String key, Duration maxWait,
            Function<Optional<AccessToken>, AccessToken> refresher) {
        Optional<AccessToken> stored = get(key);
        AccessToken next = Objects.requireNonNull(refresher.apply(stored), "refresher returned null");
        if (stored.isEmpty() || !stored.get().equals(next)) {
            put(key, next);
        }
        return Optional.of(next);
    }

    /**
     * A new in-memory store.
     *
     * @return the store
     */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
