package io.dcb4j.core.token;

/** Hands out a valid access token for a provider. Implementations are thread-safe. */
public interface TokenProvider {

    /**
     * A token valid now, fetching one if needed.
     *
     * @return the token
     * @throws io.dcb4j.core.error.DcbException when no token can be obtained
     */
    AccessToken token();

    /**
     * Drops {@code rejected} after the provider refused it (HTTP 401), so that the next {@link #token()}
     * fetches a fresh one. A no-op when the cache already holds another token.
     *
     * @param rejected the token the provider refused
     */
    void invalidate(AccessToken rejected);
}
