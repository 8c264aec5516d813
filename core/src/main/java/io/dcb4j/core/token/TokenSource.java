package io.dcb4j.core.token;

/** Fetches a new token from the provider; called by {@link CachingTokenProvider} under single flight. */
@FunctionalInterface
public interface TokenSource {

    /**
     * Fetches a token.
     *
     * @param previous the last token held, possibly expired, or null; a source may use its refresh token
     * @return the new token
     * @throws io.dcb4j.core.error.DcbException when the provider refuses or cannot be reached
     */
    AccessToken fetch(AccessToken previous);
}
