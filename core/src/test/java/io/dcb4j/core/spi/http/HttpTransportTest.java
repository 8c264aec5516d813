package io.dcb4j.core.spi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
    }

    static ClientOptions.Builder fast() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10));
    }

    private final AtomicInteger tokenFetches = new AtomicInteger();

    HttpTransport transport(ClientOptions options) {
        CachingTokenProvider tokens = CachingTokenProvider.builder("test", previous -> AccessToken.bearer(
                "tok-" + tokenFetches.incrementAndGet(), Instant.now().plusSeconds(3600))).build();
        return HttpTransport.builder("test", options).baseUrl("base-url", wm.baseUrl() + "/api")
                .tokens(tokens).build();
    }

    @Test
    void anEndpointIsTheUrlOfItsPathMadeOnce() {
        try (HttpTransport t = transport(fast().build())) {
            assertThat(t.endpoint("charge/init")).isEqualTo(t.url("charge/init").build())
                    .isSameAs(t.endpoint("charge/init"));
            assertThat(t.endpoint("charge/init").toString()).isEqualTo(wm.baseUrl() + "/api/charge/init");
            assertThat(t.endpoint("")).isEqualTo(t.url("").build());
            assertThatThrownBy(() -> t.endpoint("charge/../admin")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sendsBearerTokenUserAgentAndReturnsBody() {
        wm.stubFor(get("/api/things/1").willReturn(okJson("{\"a\":1}")));
        try (HttpTransport t = transport(fast().build())) {
            ApiResponse r = t.execute(ApiRequest.get("thing", t.url("things/1").build()).build());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.jsonTree().get("a").asInt()).isEqualTo(1);
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/api/things/1"))
                .withHeader("Authorization", equalTo("Bearer tok-1"))
                .withHeader("User-Agent", matching("dcb4j/.+")));
    }

    @Test
    void refreshesTheTokenOnceOn401ThenSucceeds() {
        wm.stubFor(get("/api/x").inScenario("auth").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("refreshed"));
        wm.stubFor(get("/api/x").inScenario("auth").whenScenarioStateIs("refreshed").willReturn(ok("{}")));
        try (HttpTransport t = transport(fast().build())) {
            t.execute(ApiRequest.get("x", t.url("x").build()).build());
        }
        assertThat(tokenFetches).hasValue(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/x")).withHeader("Authorization", equalTo("Bearer tok-1")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/x")).withHeader("Authorization", equalTo("Bearer tok-2")));
    }

    @Test
    void a401AfterTheRefreshIsAnAuthenticationException() {
        wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(401)));
        try (HttpTransport t = transport(fast().build())) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((AuthenticationException) e).httpStatus()).hasValue(401));
        }
        assertThat(tokenFetches).hasValue(2);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/x")));
    }

    @Test
    void aRequestsOwnTokenProviderReplacesTheTransportsAndIsRefreshedOn401() {
        wm.stubFor(get("/api/mine").inScenario("subject").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("refreshed"));
        wm.stubFor(get("/api/mine").inScenario("subject").whenScenarioStateIs("refreshed").willReturn(ok("{}")));
        AtomicInteger subjectFetches = new AtomicInteger();
        CachingTokenProvider subject = CachingTokenProvider.builder("subject", previous -> AccessToken.bearer(
                "subject-" + subjectFetches.incrementAndGet(), Instant.now().plusSeconds(3600))).build();
        try (HttpTransport t = transport(fast().build())) {
            t.execute(ApiRequest.get("mine", t.url("mine").build()).tokens(subject).build());
        }
        assertThat(tokenFetches).hasValue(0);
        assertThat(subjectFetches).hasValue(2);
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/mine")).withHeader("Authorization",
                equalTo("Bearer subject-1")));
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/mine")).withHeader("Authorization",
                equalTo("Bearer subject-2")));
    }

    @Test
    void anEchoedCorrelatorIsTheRequestIdOfTheError() {
        wm.stubFor(get("/api/gone").willReturn(aResponse().withStatus(404).withHeader("x-correlator", "corr-42")));
        try (HttpTransport t = transport(fast().build())) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("gone", t.url("gone").build())
                    .header("x-correlator", "corr-42").build()))
                    .isInstanceOfSatisfying(io.dcb4j.core.error.NotFoundException.class,
                            e -> assertThat(e.requestId()).hasValue("corr-42"));
        }
    }

    @Test
    void aPostWhoseConnectionIsResetIsNotRetried() {
        wm.stubFor(post("/api/charge").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (HttpTransport t = transport(fast().build())) {
            assertThatThrownBy(() -> t.execute(ApiRequest.post("charge", t.url("charge").build())
                    .jsonBody(Map.of("amount", "1.00")).build()))
                    .isInstanceOf(DcbTransportException.class)
                    .hasMessageContaining("not retried")
                    .satisfies(e -> assertThat(((DcbTransportException) e).isRetryable())
                            .as("the charge may have been applied: reconcile, do not repeat").isFalse());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/charge")));
    }

    @Test
    void aPostWithAnIdempotencyKeyIsRetriedWithTheSameKey() {
        wm.stubFor(post("/api/charge").inScenario("k").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post("/api/charge").inScenario("k").whenScenarioStateIs("up").willReturn(okJson("{}")));
        try (HttpTransport t = transport(fast().build())) {
            t.execute(ApiRequest.post("charge", t.url("charge").build()).jsonBody(Map.of("a", "1"))
                    .idempotencyKey("Idempotency-Key", "key-123").build());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo("/api/charge")).withHeader("Idempotency-Key", equalTo("key-123")));
    }

    @Test
    void aGetAfter503IsRetriedHonouringRetryAfter() {
        wm.stubFor(get("/api/s").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")).willSetStateTo("up"));
        wm.stubFor(get("/api/s").inScenario("r").whenScenarioStateIs("up").willReturn(okJson("{}")));
        try (HttpTransport t = transport(fast().build())) {
            assertThat(t.execute(ApiRequest.get("s", t.url("s").build()).build()).status()).isEqualTo(200);
        }
        wm.verify(2, getRequestedFor(urlPathEqualTo("/api/s")));
        assertThat(RetryPolicy.defaults().delayBeforeRetry(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterLongerThanTheCapEndsRetries() {
        wm.stubFor(get("/api/s").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3600")));
        try (HttpTransport t = transport(fast().build())) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("s", t.url("s").build()).build()))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/s")));
    }

    @Test
    void aPostToAClosedPortFailsAsNeverSent() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ClientOptions options = fast().build();
        try (HttpTransport t = HttpTransport.builder("test", options).baseUrl("base-url", "http://127.0.0.1:" + port)
                .build()) {
            assertThatThrownBy(() -> t.execute(ApiRequest.post("charge", t.url("charge").build())
                    .authenticated(false).build()))
                    .isInstanceOf(DcbTransportException.class)
                    .hasMessageContaining("before the request was sent")
                    .satisfies(e -> assertThat(((DcbTransportException) e).isRetryable()).isTrue());
        }
    }

    @Test
    void plainHttpIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> HttpTransport.builder("test", ClientOptions.defaults())
                .baseUrl("base-url", "http://api.example.com"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("base-url")
                .hasMessageContaining("https");
        assertThatThrownBy(() -> HttpTransport.builder("test", ClientOptions.defaults()).baseUrl("base-url", "not a url"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("base-url");
        HttpTransport.builder("test", ClientOptions.defaults()).baseUrl("base-url", "https://api.example.com").build()
                .close();
    }

    @Test
    void malformedJsonIsAProtocolErrorWithStatusAndExcerpt() {
        wm.stubFor(get("/api/j").willReturn(ok("<html>Gateway error for 21612345678</html>")));
        try (HttpTransport t = transport(fast().build())) {
            ApiResponse r = t.execute(ApiRequest.get("j", t.url("j").build()).build());
            assertThatThrownBy(() -> r.json(Map.class))
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("<html>Gateway error")
                    .hasMessageNotContaining("21612345678")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).httpStatus()).hasValue(200));
        }
    }

    @Test
    void anOversizedBodyIsAProtocolError() {
        wm.stubFor(get("/api/big").willReturn(ok("x".repeat(5000))));
        try (HttpTransport t = transport(fast().maxResponseBytes(2048).build())) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("big", t.url("big").build()).build()))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("larger than 2048");
        }
    }

    @Test
    void logsOneRedactedLinePerCall() {
        wm.stubFor(post(urlPathEqualTo("/api/oauth/token")).willReturn(okJson("{}")));
        wm.stubFor(post("/api/subscription/confirm").willReturn(okJson("{}")));
        wm.stubFor(get("/api/status/21612345678").willReturn(okJson("{}")));
        try (LogCapture logs = LogCapture.start(); HttpTransport t = transport(fast().build())) {
            t.execute(ApiRequest.post("token", t.url("oauth/token").addQueryParameter("grant_type", "client_credentials")
                    .addQueryParameter("client_id", "my-client-id").addQueryParameter("client_secret", "s3cr3t-value")
                    .build()).authenticated(false).build());
            t.execute(ApiRequest.post("confirm", t.url("subscription/confirm").build())
                    .jsonBody(Map.of("pin", "4321", "msisdn", "21612345678")).build());
            t.execute(ApiRequest.get("status", t.url("status/21612345678").build()).build());
            String text = logs.text();
            assertThat(logs.lines()).hasSize(3);
            assertThat(text).contains("POST /api/oauth/token?grant_type=client_credentials&client_id=***&client_secret=***")
                    .contains("-> 200").contains("attempt 1").contains("/api/status/2161*****78")
                    .doesNotContain("s3cr3t-value").doesNotContain("my-client-id").doesNotContain("4321")
                    .doesNotContain("tok-1").doesNotContain("21612345678");
        }
    }

    @Test
    void aTokenFactoryCallsTheTokenEndpointThroughTheSameTransport() {
        wm.stubFor(post("/api/token").willReturn(okJson("{\"t\":\"from-endpoint\"}")));
        wm.stubFor(get("/api/x").willReturn(okJson("{}")));
        try (HttpTransport t = HttpTransport.builder("test", fast().build()).baseUrl("base-url", wm.baseUrl() + "/api")
                .tokens(self -> CachingTokenProvider.builder(CachingTokenProvider.cacheKey("test", "a", "b"),
                        previous -> AccessToken.bearer(self.execute(ApiRequest.post("token", self.url("token").build())
                                .authenticated(false).build()).jsonTree().get("t").asText(),
                                Instant.now().plusSeconds(60))).options(fast().build()).build())
                .build()) {
            t.execute(ApiRequest.get("x", t.url("x").build()).build());
        }
        wm.verify(getRequestedFor(urlPathEqualTo("/api/x")).withHeader("Authorization", equalTo("Bearer from-endpoint")));
        assertThat(CachingTokenProvider.cacheKey("p", "a", "b")).startsWith("p:").doesNotContain("a\n")
                .isEqualTo(CachingTokenProvider.cacheKey("p", "a", "b")).isNotEqualTo(CachingTokenProvider.cacheKey("p", "ab"));
    }

    @Test
    void sensitiveValuesEchoedInAnErrorNeverReachTheException() {
        wm.stubFor(post("/api/pin").willReturn(aResponse().withStatus(400)
                .withBody("{\"message\":\"PIN 4321 is wrong\"}")));
        try (HttpTransport t = HttpTransport.builder("test", fast().build()).baseUrl("base-url", wm.baseUrl() + "/api")
                .errorMapper((req, resp) -> HttpErrors.byStatus(resp, resp.context()
                        .withProviderError("E", resp.jsonTree().get("message").asText())))
                .build()) {
            assertThatThrownBy(() -> t.execute(ApiRequest.post("pin", t.url("pin").build())
                    .jsonBody(Map.of("pin", "4321")).sensitive("4321").authenticated(false).build()))
                    .hasMessageContaining("PIN *** is wrong").hasMessageNotContaining("4321");
        }
    }

    @Test
    void closeReleasesAnOwnedPoolButNeverTheCallersClient() {
        wm.stubFor(get("/api/x").willReturn(okJson("{}")));
        HttpTransport owned = transport(fast().build());
        owned.execute(ApiRequest.get("x", owned.url("x").build()).build());
        owned.close();
        assertThat(owned.okHttpClient().dispatcher().executorService().isShutdown()).isTrue();
        assertThat(owned.okHttpClient().connectionPool().connectionCount()).isZero();

        okhttp3.OkHttpClient callers = new okhttp3.OkHttpClient();
        HttpTransport shared = transport(fast().okHttpClient(callers).build());
        shared.execute(ApiRequest.get("x", shared.url("x").build()).build());
        shared.close();
        assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        assertThat(shared.okHttpClient().connectionPool()).isSameAs(callers.connectionPool());
        callers.dispatcher().executorService().shutdown();
        callers.connectionPool().evictAll();
    }
}
