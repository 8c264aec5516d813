package io.dcb4j.core.spi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.testing.SilentServer;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport fails closed: redirects are refused, the call deadline bounds the token fetch, interrupts end
 * the call, a closed transport sends nothing, ids stay one path segment, base URLs carry no user info.
 */
class HttpTransportFailClosedTest {

    static WireMockServer wm;
    /** Another host, where a redirect points: it must never receive anything. */
    static WireMockServer elsewhere;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        elsewhere = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        elsewhere.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
        elsewhere.stop();
    }

    @BeforeEach
    void reset() {
        wm.resetAll();
        elsewhere.resetAll();
        elsewhere.stubFor(any(anyUrl()).willReturn(okJson("{\"t\":\"from-elsewhere\"}")));
    }

    static ClientOptions.Builder fast() {
        return ClientOptions.builder().allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                        .maxBackoff(Duration.ofMillis(5)).build())
                .readTimeout(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(30));
    }

    static HttpTransport plain(ClientOptions options, String base) {
        return HttpTransport.builder("test", options).baseUrl("base-url", base).build();
    }

    // ---------------------------------------------------------------- redirects

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsAProtocolErrorNamingTheStatusAndNothingGoesElsewhere(int status) {
        String location = elsewhere.baseUrl() + "/steal?session=LOCATIONSECRET";
        wm.stubFor(post("/api/charge").willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        try (HttpTransport t = plain(fast().build(), wm.baseUrl() + "/api")) {
            assertThatThrownBy(() -> t.execute(ApiRequest.post("charge", t.url("charge").build())
                    .header("X-Api-Key", "APIKEY").jsonBody(Map.of("password", "PW")).authenticated(false).build()))
                    .isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("HTTP " + status).hasMessageContaining("redirect")
                    .hasMessageNotContaining("LOCATIONSECRET").hasMessageNotContaining("steal")
                    .hasMessageNotContaining(String.valueOf(elsewhere.port()))
                    .satisfies(e -> assertThat(((DcbException) e).httpStatus()).hasValue(status))
                    .satisfies(e -> assertThat(((DcbException) e).isRetryable()).isFalse());
        }
        // a write answered 307 or 308 reaches the server once, and nothing reaches the other host
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/charge")));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theCallersOkHttpClientDoesNotFollowRedirectsEither() {
        OkHttpClient callers = new OkHttpClient();
        assertThat(callers.followRedirects()).as("OkHttp's default").isTrue();
        wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(302).withHeader("Location",
                elsewhere.baseUrl() + "/x")));
        try (HttpTransport t = plain(fast().okHttpClient(callers).build(), wm.baseUrl() + "/api")) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).authenticated(false).build()))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("HTTP 302");
            assertThat(t.okHttpClient().followRedirects()).isFalse();
            assertThat(t.okHttpClient().followSslRedirects()).isFalse();
        } finally {
            callers.dispatcher().executorService().shutdown();
            callers.connectionPool().evictAll();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/x")));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRedirectedTokenRequestFailsTheCallAndSendsNothingElsewhere() {
        wm.stubFor(post("/api/token").willReturn(aResponse().withStatus(307)
                .withHeader("Location", elsewhere.baseUrl() + "/token")));
        try (HttpTransport t = HttpTransport.builder("test", fast().build()).baseUrl("base-url", wm.baseUrl() + "/api")
                .tokens(self -> CachingTokenProvider.builder("test:k", previous -> AccessToken.bearer(
                        self.execute(ApiRequest.post("token", self.url("token").build()).formBody(
                                Map.of("client_secret", "S")).authenticated(false).retrySafe(true).build())
                                .jsonTree().get("t").asText(), Instant.now().plusSeconds(60))).build())
                .build()) {
            assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).build()))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("HTTP 307")
                    .satisfies(e -> assertThat(((DcbException) e).operation()).isEqualTo("token"));
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/api/token")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/x")));
        elsewhere.verify(0, anyRequestedFor(anyUrl()));
    }

    // ---------------------------------------------------------------- one deadline

    @Test
    void aTokenFetchedThroughTheTransportInheritsTheCallersDeadline() {
        // the first attempt takes at least 400 ms before its 401: the refresh has at most what is left
        wm.stubFor(get("/api/x").inScenario("a").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withFixedDelay(400)).willSetStateTo("refreshed"));
        wm.stubFor(get("/api/x").inScenario("a").whenScenarioStateIs("refreshed").willReturn(okJson("{}")));
        AtomicInteger fetches = new AtomicInteger();
        wm.stubFor(post("/api/token").willReturn(okJson("{}")));
        Map<String, List<Long>> deadlines = new ConcurrentHashMap<>();
        OkHttpClient recording = new OkHttpClient.Builder().addInterceptor(chain -> {
            deadlines.computeIfAbsent(chain.request().url().encodedPath(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(chain.request().tag(HttpTransport.AttemptState.class).deadline);
            return chain.proceed(chain.request());
        }).build();
        Duration callTimeout = Duration.ofSeconds(30);
        long before;
        long after;
        try (HttpTransport t = HttpTransport.builder("test", fast().callTimeout(callTimeout).okHttpClient(recording)
                        .build()).baseUrl("base-url", wm.baseUrl() + "/api")
                .tokens(self -> CachingTokenProvider.builder("test:k", previous -> {
                    self.execute(ApiRequest.post("token", self.url("token").build()).authenticated(false).build());
                    return AccessToken.bearer("t" + fetches.incrementAndGet(), Instant.now().plusSeconds(60));
                }).build())
                .build()) {
            before = System.nanoTime();
            t.execute(ApiRequest.get("x", t.url("x").build()).build());
            after = System.nanoTime();
        } finally {
            recording.dispatcher().executorService().shutdown();
            recording.connectionPool().evictAll();
        }
        assertThat(fetches).hasValue(2);
        List<Long> token = deadlines.get("/api/token");
        List<Long> api = deadlines.get("/api/x");
        assertThat(token).hasSize(2);
        assertThat(api).hasSize(2);
        // the first token fetch, the first attempt, the refresh after the slow 401 and the second attempt all end
        // by the one deadline the call set when it started, never a fresh call timeout
        long deadline = api.get(0);
        assertThat(token).containsOnly(deadline);
        assertThat(api).containsOnly(deadline);
        assertThat(deadline - before).isGreaterThanOrEqualTo(callTimeout.toNanos());
        assertThat(deadline - after).isLessThanOrEqualTo(callTimeout.toNanos());
    }

    @Test
    void theCallDeadlineEndsAnAnswerThatTricklesInFasterThanTheReadTimeout() throws Exception {
        // every byte arrives well within the read timeout: only the call deadline can end the call
        try (java.net.ServerSocket server = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread trickle = new Thread(() -> {
                try (java.net.Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    java.io.OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    for (int i = 0; i < 400; i++) { // gives up after about 20 s, so that a failure ends
                        out.write('a');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException e) {
                    // the client hung up
                }
            }, "trickle");
            trickle.setDaemon(true);
            trickle.start();
            Duration callTimeout = Duration.ofMillis(700);
            try (HttpTransport t = plain(fast().readTimeout(Duration.ofSeconds(10)).callTimeout(callTimeout).build(),
                    "http://127.0.0.1:" + server.getLocalPort() + "/api")) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).authenticated(false).build()))
                        .isInstanceOf(DcbTransportException.class)
                        .hasMessageContaining("timed out after the request was sent");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void callersWaitingForASilentTokenEndpointGiveUpAtTheirOwnDeadline() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            Duration callTimeout = Duration.ofSeconds(1);
            int callers = 6;
            try (HttpTransport t = HttpTransport.builder("test", fast().callTimeout(callTimeout).build())
                    .baseUrl("base-url", silent.baseUrl() + "/api")
                    .tokens(self -> CachingTokenProvider.builder("test:k", previous -> AccessToken.bearer(
                            self.execute(ApiRequest.post("token", self.url("token").build()).authenticated(false)
                                    .retrySafe(true).build()).text(), Instant.now().plusSeconds(60))).build())
                    .build()) {
                List<CompletableFuture<Throwable>> outcomes = new java.util.ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < callers; i++) {
                    outcomes.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            t.execute(ApiRequest.get("x", t.url("x").build()).build());
                            return null;
                        } catch (Throwable e) {
                            return e;
                        }
                    }, r -> new Thread(r).start()));
                }
                for (CompletableFuture<Throwable> outcome : outcomes) {
                    assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(DcbTransportException.class);
                }
                long elapsed = System.nanoTime() - start;
                // one fetch for all (single flight); all done in about one call timeout, not one per caller
                assertThat(silent.count("/api/token")).isEqualTo(1);
                assertThat(silent.count("/api/x")).isZero();
                assertThat(Duration.ofNanos(elapsed)).isLessThan(callTimeout.multipliedBy(callers - 2));
            }
        }
    }

    // ---------------------------------------------------------------- interrupts

    @Test
    void anInterruptedThreadSendsNothingAndKeepsItsFlag() {
        wm.stubFor(get("/api/x").willReturn(okJson("{}")));
        try (HttpTransport t = plain(fast().build(), wm.baseUrl() + "/api")) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).authenticated(false).build()))
                        .isInstanceOf(DcbTransportException.class)
                        .hasMessageContaining("interrupted before the request was sent");
                assertThat(Thread.currentThread().isInterrupted()).isTrue();
            } finally {
                Thread.interrupted();
            }
        }
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void anInterruptEndsACallBlockedOnTheSocket() throws Exception {
        try (SilentServer silent = SilentServer.start();
                HttpTransport t = plain(fast().build(), silent.baseUrl() + "/api")) {
            Outcome outcome = Outcome.run(() -> t.execute(ApiRequest.post("charge", t.url("charge").build())
                    .jsonBody(Map.of("a", "1")).authenticated(false).build()));
            assertThat(silent.awaitSilent(1, 30, TimeUnit.SECONDS)).isTrue();
            outcome.thread.interrupt();
            outcome.assertEnded();
            assertThat(outcome.failure).isInstanceOf(DcbTransportException.class)
                    .hasMessageContaining("interrupted after the request was sent")
                    .hasMessageContaining("not retried");
            assertThat(((DcbTransportException) outcome.failure).isRetryable()).isFalse();
            assertThat(outcome.interruptedAfter).isTrue();
            assertThat(silent.count("/api/charge")).isEqualTo(1);
        }
    }

    @Test
    void anInterruptEndsTheBackoffBeforeARetry() throws Exception {
        wm.stubFor(get("/api/s").willReturn(aResponse().withStatus(503).withHeader("Retry-After", "20")));
        java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        OkHttpClient callers = new OkHttpClient.Builder().eventListener(new okhttp3.EventListener() {
            @Override
            public void callEnd(okhttp3.Call call) {
                answered.countDown();
            }
        }).build();
        ClientOptions options = fast().okHttpClient(callers).retryPolicy(RetryPolicy.builder().maxAttempts(3)
                .maxRetryAfter(Duration.ofSeconds(30)).build()).build();
        try (HttpTransport t = plain(options, wm.baseUrl() + "/api")) {
            Outcome outcome = Outcome.run(() -> t.execute(ApiRequest.get("s", t.url("s").build())
                    .authenticated(false).build()));
            // the 503 has been read; the call's only timed wait from now on is the pause before the retry
            assertThat(answered.await(30, TimeUnit.SECONDS)).isTrue();
            while (outcome.thread.getState() != Thread.State.TIMED_WAITING && outcome.thread.isAlive()) {
                Thread.onSpinWait();
            }
            outcome.thread.interrupt();
            outcome.assertEnded();
            assertThat(outcome.failure).isInstanceOf(DcbTransportException.class)
                    .hasMessageContaining("interrupted while waiting to retry");
            assertThat(outcome.interruptedAfter).isTrue();
        } finally {
            callers.dispatcher().executorService().shutdown();
            callers.connectionPool().evictAll();
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/s")));
    }

    /** A call run on its own thread: what it threw and whether its interrupt flag was still set. */
    static final class Outcome {
        final Thread thread;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Throwable failure;
        volatile boolean interruptedAfter;

        private Outcome(Runnable call) {
            thread = new Thread(() -> {
                try {
                    call.run();
                } catch (Throwable e) {
                    failure = e;
                }
                interruptedAfter = Thread.currentThread().isInterrupted();
                done.complete(null);
            });
        }

        static Outcome run(Runnable call) {
            Outcome o = new Outcome(call);
            o.thread.start();
            return o;
        }

        void assertEnded() throws Exception {
            // the call's own timeouts are 30 s: ending well before them is the interrupt's doing
            done.get(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- close

    @Test
    void aClosedTransportRefusesEveryCallAndSendsNothing() {
        wm.stubFor(get("/api/x").willReturn(okJson("{}")));
        HttpTransport t = plain(fast().build(), wm.baseUrl() + "/api");
        t.execute(ApiRequest.get("x", t.url("x").build()).authenticated(false).build());
        t.close();
        t.close();
        assertThatThrownBy(() -> t.execute(ApiRequest.get("x", t.url("x").build()).authenticated(false).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/x")));

        OkHttpClient callers = new OkHttpClient();
        HttpTransport shared = plain(fast().okHttpClient(callers).build(), wm.baseUrl() + "/api");
        shared.close();
        assertThatThrownBy(() -> shared.execute(ApiRequest.get("x", shared.url("x").build()).authenticated(false)
                .build())).isInstanceOf(IllegalStateException.class);
        assertThat(callers.dispatcher().executorService().isShutdown()).isFalse();
        callers.dispatcher().executorService().shutdown();
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/x")));
    }

    // ---------------------------------------------------------------- path segments

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "a/../b", "../x", "%2e%2e", "%2E%2e", ".%2e", "%2e", "%252e%252e",
            "a%2F..%2Fb", "a%2fb", "..;jsessionid=1", "..\\x", "a\\b", "%5c", ""})
    void anIdThatIsNotOnePathSegmentIsRefusedNamingTheParameter(String id) {
        assertThat(HttpTransport.isPathSegment(id)).isFalse();
        assertThatThrownBy(() -> HttpTransport.segment("subscriptionId", id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subscriptionId must be one URL path segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"23939206", "tx-1001", "AOC5f2b9c7e01", "a.b", "...", ".a", "a..", "x;y", "50%", "a%20b"})
    void anOrdinaryIdIsOnePathSegment(String id) {
        assertThat(HttpTransport.segment("id", id)).isEqualTo(id);
        try (HttpTransport t = plain(fast().build(), wm.baseUrl() + "/api")) {
            assertThat(t.url("subscription").addPathSegment(id).build().pathSegments())
                    .containsExactly("api", "subscription", id);
        }
    }

    @Test
    void aFixedPathWithDotSegmentsIsRefused() {
        try (HttpTransport t = plain(fast().build(), wm.baseUrl() + "/api")) {
            assertThatThrownBy(() -> t.url("subscription/../admin")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> t.url("./x")).isInstanceOf(IllegalArgumentException.class);
            assertThat(t.url("/subscription/otp").build().encodedPath()).isEqualTo("/api/subscription/otp");
        }
    }

    // ---------------------------------------------------------------- user info

    @ParameterizedTest
    @ValueSource(strings = {"https://user:USERPASSWORD@api.example.com/v1", "https://USERNAME@api.example.com",
            "https://:USERPASSWORD@api.example.com"})
    void aBaseUrlWithUserInfoIsAConfigurationErrorThatDoesNotEchoIt(String url) {
        assertThatThrownBy(() -> HttpTransport.parseBaseUrl("test", "token-url", url, ClientOptions.defaults()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'token-url'").hasMessageContaining("user info")
                .hasMessageNotContaining("USERPASSWORD").hasMessageNotContaining("USERNAME");
        assertThatThrownBy(() -> HttpTransport.builder("test", ClientOptions.defaults()).baseUrl("base-url", url))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
    }
}
