package io.dcb4j.core.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A credential to present to a provider, with its expiry. {@link #toString()} never shows the secret parts.
 *
 * <p>Lifetimes are saturated: a provider that states an absurd lifetime ({@code expires_in} of
 * {@code 9223372036854775807}, {@code 1e17}, an expiry in the year 292278994) gets a token that lives
 * {@link #MAX_LIFETIME}, never an {@link ArithmeticException} or {@link java.time.DateTimeException} on every
 * call. Build tokens from what the provider states with {@link #bearer(String, Instant, Duration)} or
 * {@link #expiryAfter(Instant, Duration)}: both take the instant the token was issued, which this record
 * keeps in {@link #issuedAt()}.
 *
 * <p>The issue time also scales the refresh margin: a token is refreshed {@code skew} before it expires, but
 * never earlier than half-way through its lifetime (see {@link #refreshMargin(Duration)}), so that a token
 * that lives less than the skew (30 seconds against the default 60) is not fetched again on every call.
 *
 * @param value the token itself
 * @param expiresAt when the provider stops accepting it
 * @param headerName the HTTP header that carries it, normally {@code Authorization}
 * @param scheme the scheme before the value in the header, normally {@code Bearer}; empty for none
 * @param refreshToken a refresh token (OAuth2), or null
 * @param refreshExpiresAt when the refresh token expires, or null when unknown
 * @param issuedAt when the token was issued (as the client's clock saw it just before or after fetching it),
 *     or null when unknown; when present, {@code expiresAt} and {@code refreshExpiresAt} are saturated to at
 *     most {@link #MAX_LIFETIME} after it and to no earlier than it
 */
public record AccessToken(
        String value,
        Instant expiresAt,
        String headerName,
        String scheme,
        String refreshToken,
        Instant refreshExpiresAt,
        Instant issuedAt) {

    /**
     * The longest a token is trusted for, whatever lifetime the provider states: 365 days. A token that the
     * provider says lives longer is simply fetched again after a year.
     */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);

    /**
     * Validates and saturates.
     *
     * @param value required
     * @param expiresAt required
     * @param headerName required
     * @param scheme null means none
     * @param refreshToken optional
     * @param refreshExpiresAt optional
     * @param issuedAt optional; when present the expiries are kept between it and {@link #MAX_LIFETIME} after it
     */
    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(headerName, "headerName");
        scheme = scheme == null ? "" : scheme;
        if (issuedAt != null) {
            expiresAt = clamp(issuedAt, expiresAt);
            refreshExpiresAt = refreshExpiresAt == null ? null : clamp(issuedAt, refreshExpiresAt);
        }
    }

    /**
     * A token whose issue time is unknown: its expiry is taken as given and the refresh skew is not scaled.
     *
     * @param value the token itself
     * @param expiresAt when the provider stops accepting it
     * @param headerName the HTTP header that carries it
     * @param scheme the scheme before the value, or null for none
     * @param refreshToken a refresh token, or null
     * @param refreshExpiresAt when the refresh token expires, or null when unknown
     */
    public AccessToken(String value, Instant expiresAt, String headerName, String scheme, String refreshToken,
            Instant refreshExpiresAt) {
        this(value, expiresAt, headerName, scheme, refreshToken, refreshExpiresAt, null);
    }

    /**
     * A bearer token sent as {@code Authorization: Bearer <value>}, whose issue time is unknown.
     *
     * @param value the token
     * @param expiresAt its expiry
     * @return the token
     */
    public static AccessToken bearer(String value, Instant expiresAt) {
        return new AccessToken(value, expiresAt, "Authorization", "Bearer", null, null, null);
    }

    /**
     * A bearer token sent as {@code Authorization: Bearer <value>} that lives {@code lifetime} from
     * {@code issuedAt}, saturated as {@link #expiryAfter} does.
     *
     * @param value the token
     * @param issuedAt when it was issued, by the client's clock
     * @param lifetime how long the provider says it lives; any length, negative means already expired
     * @return the token
     */
    public static AccessToken bearer(String value, Instant issuedAt, Duration lifetime) {
        return new AccessToken(value, expiryAfter(issuedAt, lifetime), "Authorization", "Bearer", null, null,
                Objects.requireNonNull(issuedAt, "issuedAt"));
    }

    /**
     * The expiry of something issued at {@code issuedAt} that lives {@code lifetime}, saturated: at most
     * {@link #MAX_LIFETIME} after {@code issuedAt}, and {@code issuedAt} itself for a negative lifetime. Never
     * throws for a large lifetime.
     *
     * @param issuedAt the issue time
     * @param lifetime the stated lifetime, any length
     * @return the expiry
     */
    public static Instant expiryAfter(Instant issuedAt, Duration lifetime) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative()) {
            return issuedAt;
        }
        return issuedAt.plus(lifetime.compareTo(MAX_LIFETIME) > 0 ? MAX_LIFETIME : lifetime);
    }

    /**
     * The expiry of something issued at {@code issuedAt} that the provider says expires at the epoch second
     * {@code epochSecond}, saturated into {@code issuedAt} .. {@code issuedAt} + {@link #MAX_LIFETIME}. Never
     * throws, even for {@link Long#MAX_VALUE}.
     *
     * @param issuedAt the issue time
     * @param epochSecond the stated expiry, seconds since 1970-01-01T00:00:00Z
     * @return the expiry
     */
    public static Instant expiryAtEpochSecond(Instant issuedAt, long epochSecond) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        long from = issuedAt.getEpochSecond();
        if (epochSecond <= from) {
            return issuedAt;
        }
        long seconds;
        try {
            seconds = Math.subtractExact(epochSecond, from);
        } catch (ArithmeticException e) {
            seconds = Long.MAX_VALUE; // an issue time before 1970 and an expiry near Long.MAX_VALUE
        }
        return expiryAfter(issuedAt, Duration.ofSeconds(seconds));
    }

    private static Instant clamp(Instant issuedAt, Instant at) {
        if (at.isBefore(issuedAt)) {
            return issuedAt;
        }
        return Duration.between(issuedAt, at).compareTo(MAX_LIFETIME) > 0 ? issuedAt.plus(MAX_LIFETIME) : at;
    }

    /**
     * A copy that also carries a refresh token.
     *
     * @param refresh the refresh token
     * @param refreshExpiry its expiry, or null when unknown
     * @return the copy
     */
    public AccessToken withRefreshToken(String refresh, Instant refreshExpiry) {
        return new AccessToken(value, expiresAt, headerName, scheme, refresh, refreshExpiry, issuedAt);
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
     * How long the token lives from its issue time to its expiry.
     *
     * @return the lifetime; empty when the issue time is unknown
     */
    public Optional<Duration> lifetime() {
        return issuedAt == null ? Optional.empty() : Optional.of(Duration.between(issuedAt, expiresAt));
    }

    /**
     * The margin before {@link #expiresAt()} at which the token is refreshed: {@code skew}, but at most half
     * the token's {@link #lifetime()} when its issue time is known. A token that lives an hour is refreshed
     * {@code skew} before it expires; one that lives 30 seconds, after 15 seconds rather than at once.
     *
     * @param skew the configured margin, not negative
     * @return the margin to apply
     */
    public Duration refreshMargin(Duration skew) {
        Objects.requireNonNull(skew, "skew");
        if (issuedAt == null) {
            return skew;
        }
        // half the lifetime (never negative: the expiry is saturated to no earlier than the issue time), rounded
        // down to the nanosecond as Duration.dividedBy(2) does, without its BigDecimal arithmetic on every call
        Duration lifetime = Duration.between(issuedAt, expiresAt);
        long seconds = lifetime.getSeconds();
        Duration half = Duration.ofSeconds(seconds / 2, (seconds % 2) * 500_000_000L + lifetime.getNano() / 2);
        return skew.compareTo(half) > 0 ? half : skew;
    }

    /**
     * Whether the token is expired, or will be within its {@link #refreshMargin(Duration) refresh margin}, at
     * {@code now}. Never throws for a large skew.
     *
     * @param now the current instant
     * @param skew the margin
     * @return true when it should be refreshed
     */
    public boolean isExpired(Instant now, Duration skew) {
        Objects.requireNonNull(skew, "skew");
        // Duration.between(now, expiresAt).compareTo(refreshMargin(skew)) <= 0, in seconds and nanoseconds
        // (exact, and without overflow: epoch seconds differ by far less than a long holds), since every
        // provider call asks this of its cached token
        long leftSeconds = expiresAt.getEpochSecond() - now.getEpochSecond();
        long leftNanos = expiresAt.getNano() - now.getNano();
        if (leftNanos < 0) {
            leftSeconds--;
            leftNanos += 1_000_000_000L;
        }
        long marginSeconds = skew.getSeconds();
        long marginNanos = skew.getNano();
        if (issuedAt != null) {
            long lifeSeconds = expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
            long lifeNanos = expiresAt.getNano() - issuedAt.getNano();
            if (lifeNanos < 0) {
                lifeSeconds--;
                lifeNanos += 1_000_000_000L;
            }
            long halfSeconds = lifeSeconds / 2;
            long halfNanos = (lifeSeconds % 2) * 500_000_000L + lifeNanos / 2;
            if (marginSeconds > halfSeconds || marginSeconds == halfSeconds && marginNanos > halfNanos) {
                marginSeconds = halfSeconds;
                marginNanos = halfNanos;
            }
        }
        return leftSeconds < marginSeconds || leftSeconds == marginSeconds && leftNanos <= marginNanos;
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
