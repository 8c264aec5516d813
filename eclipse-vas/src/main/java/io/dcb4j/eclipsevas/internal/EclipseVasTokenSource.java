package io.dcb4j.eclipsevas.internal;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.spi.support.Decimals;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenSource;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.LoginAnswer;
import io.dcb4j.eclipsevas.internal.EclipseVasWire.LoginBody;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Logs in ({@code POST <login path>} with identity and password) and turns the answer's
 * {@code headerName}/{@code headerValue} and {@code expiresEpochSecs}/{@code expires} into an
 * {@link AccessToken}. The expiry is saturated to the token's maximum lifetime ({@code expiresEpochSecs} of
 * any size); a present {@code expires} that is not a timestamp is a {@link DcbProtocolException}. Internal.
 */
public final class EclipseVasTokenSource implements TokenSource {

    /** Used when the answer states no expiry: the documented lifetime is about one hour. */
    public static final Duration FALLBACK_LIFETIME = Duration.ofMinutes(55);

    private final HttpTransport transport;
    private final String loginPath;
    private final String identity;
    private final String password;
    private final Clock clock;

    /**
     * Creates the source.
     *
     * @param transport the client's transport, which the login goes through
     * @param loginPath the login path below the base URL
     * @param identity the identity
     * @param password the password
     * @param clock the clock
     */
    public EclipseVasTokenSource(HttpTransport transport, String loginPath, String identity, String password,
            Clock clock) {
        this.transport = transport;
        this.loginPath = loginPath;
        this.identity = identity;
        this.password = password;
        this.clock = clock;
    }

    @Override
    public AccessToken fetch(AccessToken previous) {
        Instant issuedAt = clock.instant();
        HttpTransport t = transport;
        ApiResponse response = t.execute(ApiRequest.post("login", t.url(loginPath).build())
                .jsonBody(new LoginBody(identity, password)).sensitive(password)
                .authenticated(false).retrySafe(true).build());
        LoginAnswer answer = response.json(LoginAnswer.class);
        if (answer.headerValue() == null || answer.headerValue().isBlank()) {
            throw new DcbProtocolException("login answer has no headerValue", response.context(), null);
        }
        String headerName = answer.headerName() == null || answer.headerName().isBlank() ? "Authorization"
                : answer.headerName().strip();
        String value = answer.headerValue().strip();
        String scheme = "";
        int space = value.indexOf(' ');
        if (space > 0 && value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            scheme = value.substring(0, space);
            value = value.substring(space + 1).strip();
        }
        if (!HEADER_NAME.matcher(headerName).matches()
                || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
            // OkHttp would refuse it with an IllegalArgumentException on the next call
            throw new DcbProtocolException("login answer's headerName or headerValue is not a valid HTTP header",
                    response.context(), null);
        }
        return new AccessToken(value, expiry(answer, issuedAt, response), headerName, scheme, null, null, issuedAt);
    }

    private static final java.util.regex.Pattern HEADER_NAME = java.util.regex.Pattern.compile(
            "[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private static Instant expiry(LoginAnswer answer, Instant issuedAt, ApiResponse response) {
        String epoch = answer.expiresEpochSecs();
        if (epoch != null && !epoch.isBlank()) {
            long seconds;
            try {
                seconds = Decimals.saturatedLong(epoch);
            } catch (NumberFormatException e) {
                throw new DcbProtocolException("login answer's 'expiresEpochSecs' is not a number", response.context(),
                        null);
            }
            if (seconds > 0) {
                return AccessToken.expiryAtEpochSecond(issuedAt, seconds);
            }
        }
        Instant parsed = EclipseVasMapper.instant("expires", answer.expires(), response.context());
        // the record keeps an expiry within the token's maximum lifetime after issuedAt
        return parsed != null ? parsed : AccessToken.expiryAfter(issuedAt, FALLBACK_LIFETIME);
    }
}
