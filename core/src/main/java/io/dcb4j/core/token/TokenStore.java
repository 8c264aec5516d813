package io.dcb4j.core.token;

import java.util.Optional;

/**
 * Where cached tokens live. The default is in memory; an implementation backed by a shared cache lets
 * several application instances share one token. Implementations are thread-safe.
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
     * A new in-memory store.
     *
     * @return the store
     */
    static TokenStore inMemory() {
        return new InMemoryTokenStore();
    }
}
