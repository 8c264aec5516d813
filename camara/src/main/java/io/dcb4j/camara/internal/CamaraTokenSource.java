package io.dcb4j.camara.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenSource;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Fetches two-legged tokens: OAuth 2.0 {@code grant_type=client_credentials} at the operator's token endpoint,
 * with the scopes the calls need, the client authenticated by HTTP Basic ({@code client_secret_basic}, the
 * default) or by form fields ({@code client_secret_post}). {@code expires_in} is honoured (saturated by
 * {@link AccessToken#expiryAfter}); without it {@link #DEFAULT_LIFETIME} is assumed. Internal.
 */
public final class CamaraTokenSource implements TokenSource {

    /** The lifetime assumed when the answer has no {@code expires_in}. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    private final HttpTransport transport;
    private final HttpUrl tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final boolean basic;
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param transport the client's transport, which token calls go through
     * @param tokenUrl the token endpoint
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param scope the space-separated scopes to ask for, or null for the operator's default
     * @param basic true for HTTP Basic client authentication, false for form fields
     * @param clock the clock for expiry
     */
    public CamaraTokenSource(HttpTransport transport, HttpUrl tokenUrl, String clientId, String clientSecret,
            String scope, boolean basic, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scope = scope;
        this.basic = basic;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessToken fetch(AccessToken previous) {
        Instant issuedAt = clock.instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        if (scope != null) {
            form.put("scope", scope);
        }
        ApiRequest.Builder request = ApiRequest.post(CamaraErrorMapper.TOKEN, tokenUrl)
                .sensitive(clientSecret)
                .authenticated(false)
                .retrySafe(true);
        if (basic) {
            // RFC 6749 section 2.3.1: both parts form-encoded before Basic encoding
            String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } else {
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        }
        ApiResponse response = transport.execute(request.formBody(form).build());
        CamaraWire.TokenAnswer answer = response.json(CamaraWire.TokenAnswer.class);
        String token = CamaraMapper.text(answer.accessToken());
        if (token == null) {
            throw new DcbProtocolException("token answer has no 'access_token'", response.context(), null);
        }
        String type = CamaraMapper.text(answer.tokenType());
        if (type != null && !type.equalsIgnoreCase("bearer")) {
            throw new DcbProtocolException("token answer's 'token_type' is not Bearer", response.context(), null);
        }
        Duration lifetime = DEFAULT_LIFETIME;
        String expiresIn = CamaraMapper.text(answer.expiresIn());
        if (expiresIn != null) {
            long seconds;
            try {
                seconds = Decimals.saturatedLong(expiresIn);
            } catch (NumberFormatException e) {
                seconds = 0;
            }
            if (seconds <= 0) {
                throw new DcbProtocolException("token answer's 'expires_in' is not a positive number of seconds",
                        response.context(), null);
            }
            lifetime = Duration.ofSeconds(seconds);
        }
        return AccessToken.bearer(token, issuedAt, lifetime);
    }

    private static String formEncode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Never the credentials. */
    @Override
    public String toString() {
        return "CamaraTokenSource[" + tokenUrl.host() + "]";
    }
}
