package io.dcb4j.centili.internal;

import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Fetches Centili tokens: OAuth2 {@code grant_type=refresh_token} when the previous token has a usable
 * refresh token, falling back to {@code grant_type=password} when there is none or Centili rejects it.
 * Called under the core cache's single flight. {@code expires_in} and {@code refresh_expires_in} are numbers
 * of seconds of any size, saturated by {@link AccessToken#expiryAfter}. Internal.
 */
public final class CentiliTokenSource implements TokenSource {

    /** Lifetime assumed when the answer has no {@code expires_in} (Keycloak's default access token life). */
    public static final long DEFAULT_EXPIRES_IN_SECONDS = 300;

    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String username;
    private final String password;
    private final Clock clock;
    private final HttpTransport transport;

    /**
     * Creates the source.
     *
     * @param transport the client's transport, which token calls go through
     * @param tokenUrl the token endpoint
     * @param clientId the OAuth2 client id
     * @param clientSecret the client secret, or null for a public client
     * @param username the API user
     * @param password the API user's password
     * @param clock the clock for expiry times
     */
    public CentiliTokenSource(HttpTransport transport, HttpUrl tokenUrl, String clientId, String clientSecret, String username,
            String password, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessToken fetch(AccessToken previous) {
        if (previous != null) {
            String refresh = previous.usableRefreshToken(clock.instant()).orElse(null);
            if (refresh != null) {
                try {
                    return refresh(refresh);
                } catch (AuthenticationException rejected) {
                    // the refresh token was revoked or expired early: log in again below
                }
            }
        }
        return passwordGrant();
    }

    private AccessToken passwordGrant() {
        Map<String, String> form = base("password");
        form.put("username", username);
        form.put("password", password);
        return call(CentiliErrorMapper.TOKEN, form);
    }

    private AccessToken refresh(String refreshToken) {
        Map<String, String> form = base("refresh_token");
        form.put("refresh_token", refreshToken);
        return call(CentiliErrorMapper.REFRESH_TOKEN, form);
    }

    private Map<String, String> base(String grant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", clientId);
        if (clientSecret != null) {
            form.put("client_secret", clientSecret);
        }
        form.put("grant_type", grant);
        return form;
    }

    private AccessToken call(String operation, Map<String, String> form) {
        HttpTransport t = transport;
        Instant now = clock.instant();
        ApiResponse response = t.execute(ApiRequest.post(operation, tokenUrl).formBody(form)
                .sensitive(password, clientSecret, form.get("refresh_token"))
                .authenticated(false).retrySafe(true).build());
        CentiliWire.TokenAnswer answer = response.json(CentiliWire.TokenAnswer.class);
        if (answer.accessToken() == null || answer.accessToken().isBlank()) {
            throw new DcbProtocolException("token answer has no access_token", response.context(), null);
        }
        long life = seconds(answer.expiresIn(), "expires_in", response);
        AccessToken token = AccessToken.bearer(answer.accessToken(), now,
                Duration.ofSeconds(life <= 0 ? DEFAULT_EXPIRES_IN_SECONDS : life));
        if (answer.refreshToken() != null && !answer.refreshToken().isBlank()) {
            // Keycloak answers refresh_expires_in 0 for refresh tokens that do not expire by time
            long refreshLife = seconds(answer.refreshExpiresIn(), "refresh_expires_in", response);
            Instant refreshExpiry = refreshLife <= 0 ? null
                    : AccessToken.expiryAfter(now, Duration.ofSeconds(refreshLife));
            token = token.withRefreshToken(answer.refreshToken(), refreshExpiry);
        }
        return token;
    }

    /** A number of seconds of any size, saturated; 0 when absent. */
    private static long seconds(String text, String field, ApiResponse response) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Decimals.saturatedLong(text);
        } catch (NumberFormatException e) {
            throw new DcbProtocolException("token answer's '" + field + "' is not a number of seconds",
                    response.context(), null);
        }
    }

    /** Never the credentials. */
    @Override
    public String toString() {
        return "CentiliTokenSource[" + tokenUrl.host() + "]";
    }
}
