package io.dcb4j.core.token;

import java.time.Duration;

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
     * A token valid now, fetching one if needed, for a call that may take at most {@code maxWait} more: the
     * transport passes what is left of the call's deadline. An implementation that shares one fetch among
     * concurrent callers lets each of them wait for it no longer than its own {@code maxWait}. The default
     * ignores the limit and calls {@link #token()}.
     *
     * @param maxWait how long this caller may wait for a token
     * @return the token
     * @throws io.dcb4j.core.error.DcbTransportException when no token came within {@code maxWait}, or the
     *     thread was interrupted while waiting (its interrupt flag stays set)
     * @throws io.dcb4j.core.error.DcbException when no token can be obtained
     */
    default AccessToken token(Duration maxWait) {
        return token();
    }

    /**
     * Drops {@code rejected} after the provider refused it (HTTP 401), so that the next {@link #token()}
     * fetches a fresh one. A no-op when the cache already holds another token.
     *
     * @param rejected the token the provider refused
     */
    void invalidate(AccessToken rejected);
}
