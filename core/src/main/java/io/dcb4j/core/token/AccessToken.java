package io.dcb4j.core.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential to present to a provider, with its expiry. {@link #toString()} never shows the secret parts.
 *
 * @param value the token itself
 * @param expiresAt when the provider stops accepting it
 * @param headerName the HTTP header that carries it, normally {@code Authorization}
 * @param scheme the scheme before the value in the header, normally {@code Bearer}; empty for none
 * @param refreshToken a refresh token (OAuth2), or null
 * @param refreshExpiresAt when the refresh token expires, or null when unknown
 */
public record AccessToken(
        String value,
        Instant expiresAt,
        String headerName,
        String scheme,
        String refreshToken,
        Instant refreshExpiresAt) {

    /**
     * Validates.
     *
     * @param value required
     * @param expiresAt required
     * @param headerName required
     * @param scheme null means none
     * @param refreshToken optional
     * @param refreshExpiresAt optional
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(headerName, "headerName");
        scheme = scheme == null ? "" : scheme;
    }

    /**
     * A bearer token sent as {@code Authorization: Bearer <value>}.
     *
     * @param value the token
     * @param expiresAt its expiry
     * @return the token
     */
    public static AccessToken bearer(String value, Instant expiresAt) {
        return new AccessToken(value, expiresAt, "Authorization", "Bearer", null, null);
    }

    /**
     * A copy that also carries a refresh token.
     *
     * @param refresh the refresh token
     * @param refreshExpiry its expiry, or null when unknown
     * @return the copy
     */
    public AccessToken withRefreshToken(String refresh, Instant refreshExpiry) {
        return new AccessToken(value, expiresAt, headerName, scheme, refresh, refreshExpiry);
    }

    /**
     * The header value, for example {@code Bearer eyJ...}.
     *
     * @return the value to send
     */
    public String headerValue() {
        return scheme.isEmpty() ? value : scheme + " " + value;
    }

    /**
     * Whether the token is expired, or will be within {@code skew}, at {@code now}.
     *
     * @param now the current instant
     * @param skew the margin
     * @return true when it should be refreshed
     */
    public boolean isExpired(Instant now, Duration skew) {
        return !now.plus(skew).isBefore(expiresAt);
    }

    /**
     * The refresh token, if it is known and not expired at {@code now}.
     *
     * @param now the current instant
     * @return the usable refresh token
     */
    public Optional<String> usableRefreshToken(Instant now) {
        if (refreshToken == null || (refreshExpiresAt != null && !now.isBefore(refreshExpiresAt))) {
            return Optional.empty();
        }
        return Optional.of(refreshToken);
    }

    /** Never shows the token or the refresh token. */
    @Override
    public String toString() {
        return "AccessToken[header=" + headerName + ", expiresAt=" + expiresAt + ", refreshToken="
                + (refreshToken == null ? "none" : "***") + "]";
    }
}
