package io.dcb4j.core.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.core.spi.ProviderClient;
import io.dcb4j.core.spi.http.ApiRequest;
import io.dcb4j.core.spi.http.ApiResponse;
import io.dcb4j.core.spi.http.HttpTransport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.Instant;
import java.util.Map;

/**
 * A provider "acme" written on the core bases as a provider module would, with nothing in it about observing:
 * a token endpoint called through the transport, a typed API ({@link #sendPin}, {@link #lookup}, {@link
 * #confirm}), a neutral PIN flow whose confirmation makes two requests and reads a wrong PIN from a 2xx answer,
 * and a callback parser with a shared secret. For tests of what clients report to their observer; shared
 * through the core test-jar.
 */
public final class AcmeClient extends ProviderClient {
    /** The client's secret: masked wherever the provider echoes it. */
    public static final String CLIENT_SECRET = "cl1ent-s3cret-v4lue";
    /** The token the token endpoint of {@link #stubToken} issues. */
    public static final String TOKEN = "tok-9f8e7d6c5b4a";
    /** The secret callbacks must carry in their {@code secret} parameter. */
    public static final String CALLBACK_SECRET = "cb-s3cret-v4lue";

    private final NeutralApi neutral;

    /**
     * A client of the provider at {@code baseUrl}.
     *
     * @param baseUrl the base URL (WireMock's)
     * @param options the options, observer included
     */
    public AcmeClient(String baseUrl, ClientOptions options) {
        super("acme", HttpTransport.builder("acme", options).baseUrl("base-url", baseUrl).credentials(CLIENT_SECRET)
                .tokens(t -> CachingTokenProvider.builder(CachingTokenProvider.cacheKey("acme", baseUrl, "client"),
                        previous -> fetchToken(t)).options(options).build())
                .build());
        PinSubscriptions pins = new PinSubscriptions() {
            @Override
            public PinChallenge requestPin(SubscribeRequest request) {
                return new PinChallenge("acme", sendPin(request.msisdn()), request, null,
                        new NextAction.EnterPin(null), Map.of());
            }

            @Override
            public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
                String session = lookup(challenge.challengeId());
                confirm(session, pin);
                return new SubscriptionResult(SubscriptionRef.of(session), SubscriptionState.ACTIVE, "OK", null,
                        false, Map.of());
            }
        };
        NotificationParser callbacks = n -> {
            NotificationSecurity.requireSharedSecret("acme", n, "secret", CALLBACK_SECRET);
            String action = n.query("action").orElseThrow(() -> new DcbProtocolException("no action",
                    ErrorContext.of("acme", "parseNotification"), null));
            return BillingEvent.builder("acme", "SUB".equals(action) ? BillingEvent.Type.SUBSCRIBED
                    : BillingEvent.Type.UNKNOWN, n.query("id").orElse("none"))
                    .msisdn(n.query("msisdn").map(Msisdn::of).orElse(null)).build();
        };
        this.neutral = NeutralApi.builder().pinSubscriptions(pins).notifications(callbacks).build();
    }

    private static AccessToken fetchToken(HttpTransport t) {
        JsonNode answer = t.execute(ApiRequest.post("token", t.url("oauth/token").build())
                .formBody(Map.of("client_id", "acme-client", "client_secret", CLIENT_SECRET))
                .authenticated(false).retrySafe(true).build()).jsonTree();
        return AccessToken.bearer(answer.get("access_token").asText(), Instant.now().plusSeconds(3600));
    }

    @Override
    protected NeutralApi neutralApi() {
        return neutral;
    }

    /**
     * The neutral parts as built, for tests that compare them with what the accessors hand out.
     *
     * @return the parts
     */
    public NeutralApi parts() {
        return neutral;
    }

    /**
     * Stubs the token endpoint ({@code POST /oauth/token}) to issue {@link #TOKEN}.
     *
     * @param wm the server
     */
    public static void stubToken(WireMockServer wm) {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"" + TOKEN + "\"}")));
    }

    /**
     * Typed API: sends a PIN, {@code POST /pin}; not retried.
     *
     * @param msisdn the subscriber
     * @return the challenge id
     */
    public String sendPin(Msisdn msisdn) {
        HttpTransport t = transport();
        return t.execute(ApiRequest.post("sendPin", t.url("pin").build()).jsonBody(Map.of("msisdn", msisdn.digits()))
                .build()).jsonTree().get("challenge").asText();
    }

    /**
     * Typed API: {@code GET /challenges/{id}}, a read, so retried.
     *
     * @param challenge the challenge id
     * @return the session
     */
    public String lookup(String challenge) {
        HttpTransport t = transport();
        return t.execute(ApiRequest.get("lookup", t.url("challenges").addPathSegment(challenge).build()).build())
                .jsonTree().get("session").asText();
    }

    /**
     * Typed API: {@code POST /confirm}; the provider answers a wrong PIN with HTTP 200 and {@code KO}.
     *
     * @param session the session
     * @param pin the PIN
     */
    public void confirm(String session, String pin) {
        HttpTransport t = transport();
        ApiResponse r = t.execute(ApiRequest.post("confirm", t.url("confirm").build())
                .jsonBody(Map.of("session", session, "pin", pin)).sensitive(pin).build());
        if (!"OK".equals(r.jsonTree().path("result").asText())) {
            throw new InvalidPinException("PIN refused", r.context(), null);
        }
    }
}
