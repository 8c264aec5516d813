package io.dcb4j.eklectic.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Fetches Eklectic tokens: {@code POST oauth/token?grant_type=client_credentials&client_id=..&client_secret=..}
 * with an empty form body, as the document shows. The credentials travel in the query string; the
 * transport's log line masks {@code client_id} and {@code client_secret}. {@code expires_in} is honoured
 * (a number of seconds of any size, saturated by {@link AccessToken#expiryAfter}); when absent the document's
 * 12 hours are assumed. Internal.
 */
public final class EklecticTokenSource implements TokenSource {

    /** The document's token lifetime, used when {@code expires_in} is missing. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);

    private final HttpTransport transport;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param transport the transport (the same as the API calls)
     * @param clientId the client id
     * @param clientSecret the client secret
     * @param clock the clock for expiry
     */
    public EklecticTokenSource(HttpTransport transport, String clientId, String clientSecret, Clock clock) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AccessToken fetch(AccessToken previous) {
        Instant issuedAt = clock.instant();
        ApiRequest request = ApiRequest.post(EklecticErrorMapper.TOKEN, transport.url("oauth/token")
                        .addQueryParameter("grant_type", "client_credentials")
                        .addQueryParameter("client_id", clientId)
                        .addQueryParameter("client_secret", clientSecret)
                        .build())
                .formBody(Map.of())
                .sensitive(clientSecret)
                .authenticated(false)
                .retrySafe(true)
                .build();
        ApiResponse response = transport.execute(request);
        EklecticWire.TokenAnswer answer = response.json(EklecticWire.TokenAnswer.class);
        String token = EklecticMapper.text(answer.accessToken());
        if (token == null) {
            throw new DcbProtocolException("token answer has no 'access_token'", response.context(), null);
        }
        Duration lifetime = DEFAULT_LIFETIME;
        String expiresIn = EklecticMapper.text(answer.expiresIn());
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

    /** Never the credentials. */
    @Override
    public String toString() {
        return "EklecticTokenSource[" + transport.provider() + "]";
    }
}
