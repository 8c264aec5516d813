package io.dcb4j.centili;

import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.testing.MutableClock;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** WireMock on 127.0.0.1, a fast retry policy, a controllable clock and deterministic idempotency keys. */
abstract class CentiliTestSupport extends WireMockTestSupport {

    static final String TOKEN_PATH = "/realms/api/protocol/openid-connect/token";
    static final String API = "/payments/v3";
    static final String CLIENT_ID = "shop-client";
    static final String CLIENT_SECRET = "s3cr3t-client-value";
    static final String USERNAME = "api-user";
    static final String PASSWORD = "pa55-word-value";
    static final String ACCESS_TOKEN = "eyJhbGciOiJSUzI1NiJ9.access-one";
    static final String REFRESH_TOKEN = "eyJhbGciOiJIUzI1NiJ9.refresh-one";
    static final String MSISDN = "381641234567";

    final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    final AtomicInteger keyCounter = new AtomicInteger();

    static RetryPolicy fastRetries() {
        return RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(1))
                .maxBackoff(Duration.ofMillis(1)).jitter(0).build();
    }

    ClientOptions options() {
        return ClientOptions.builder().allowInsecureHttp(true).retryPolicy(fastRetries()).clock(clock)
                .readTimeout(Duration.ofSeconds(5)).callTimeout(Duration.ofSeconds(10)).build();
    }

    CentiliClient.Builder clientBuilder() {
        return CentiliClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).username(USERNAME)
                .password(PASSWORD).tokenUrl(wm.baseUrl() + TOKEN_PATH).baseUrl(wm.baseUrl() + API)
                .options(options()).idempotencyKeys(() -> "key-" + keyCounter.incrementAndGet());
    }

    CentiliClient client() {
        return clientBuilder().build();
    }

    static void stubPasswordGrant() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=password"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(resource("token-answer.json"))));
    }

    static String resource(String name) {
        return classpathText("/centili/" + name);
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String resourceName) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(resource(resourceName));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder jsonText(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

}
