package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.ProviderUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CentiliTokenTest extends CentiliTestSupport {

    static String token(String access, String refresh, int expiresIn, int refreshExpiresIn) {
        return "{\"access_token\":\"" + access + "\",\"expires_in\":" + expiresIn
                + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\",\"refresh_expires_in\":"
                        + refreshExpiresIn) + ",\"token_type\":\"Bearer\"}";
    }

    static void stubTransaction() {
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
    }

    @Test
    void theTokenIsReusedUntilItExpires() {
        stubPasswordGrant();
        stubTransaction();
        try (CentiliClient c = client()) {
            c.transaction("tx-1001");
            clock.advance(Duration.ofSeconds(200)); // 300 s life, 60 s skew: still valid
            c.transaction("tx-1001");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void anExpiredTokenIsRenewedWithTheRefreshToken() {
        stubPasswordGrant();
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(jsonText(200, token("access-two", "refresh-two", 300, 1800))));
        stubTransaction();
        try (CentiliClient c = client()) {
            c.transaction("tx-1001");
            clock.advance(Duration.ofSeconds(250));
            c.transaction("tx-1001");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("password")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo(REFRESH_TOKEN))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withoutFormParam("password")
                .withoutFormParam("username"));
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001"))
                .withHeader("Authorization", equalTo("Bearer access-two")));
    }

    @Test
    void passwordThenRefreshThenPasswordWhenTheRefreshTokenIsRejected() {
        stubPasswordGrant();
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
                .inScenario("refresh").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonText(200, token("access-two", "refresh-two", 300, 1800))).willSetStateTo("revoked"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=refresh_token"))
                .inScenario("refresh").whenScenarioStateIs("revoked")
                .willReturn(jsonText(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token is not active\"}")));
        stubTransaction();
        try (CentiliClient c = client()) {
            c.transaction("tx-1001"); // password
            clock.advance(Duration.ofSeconds(250));
            c.transaction("tx-1001"); // refresh
            clock.advance(Duration.ofSeconds(250));
            c.transaction("tx-1001"); // refresh rejected -> password
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("password")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo(REFRESH_TOKEN)));
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("refresh_token", equalTo("refresh-two")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001"))
                .withHeader("Authorization", equalTo("Bearer access-two")));
    }

    @Test
    void anExpiredRefreshTokenIsNotSentTheClientLogsInAgain() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).withRequestBody(containing("grant_type=password"))
                .willReturn(jsonText(200, token("access-short", "refresh-short", 300, 200))));
        stubTransaction();
        try (CentiliClient c = client()) {
            c.transaction("tx-1001");
            clock.advance(Duration.ofSeconds(260)); // access within skew, refresh expired at 200 s
            c.transaction("tx-1001");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("password")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("refresh_token")));
    }

    @Test
    void aTokenWithoutRefreshTokenIsRenewedByPassword() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(jsonText(200, token("access-x", null, 300, 0))));
        stubTransaction();
        try (CentiliClient c = client()) {
            c.transaction("tx-1001");
            clock.advance(Duration.ofSeconds(400));
            c.transaction("tx-1001");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("password")));
    }

    @Test
    void a401FromTheApiLogsInOnceAgainThenSucceeds() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(jsonText(200, token("access-old", "refresh-old", 300, 1800))).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("login").whenScenarioStateIs("second")
                .willReturn(jsonText(200, token("access-new", "refresh-new", 300, 1800))));
        wm.stubFor(get(API + "/transactions/tx-1001").withHeader("Authorization", equalTo("Bearer access-old"))
                .willReturn(jsonText(401, "{\"code\":\"401\",\"message\":\"Invalid credentials\"}")));
        wm.stubFor(get(API + "/transactions/tx-1001").withHeader("Authorization", equalTo("Bearer access-new"))
                .willReturn(json(200, "transaction.json")));
        try (CentiliClient c = client()) {
            assertThat(c.transaction("tx-1001").transactionId()).isEqualTo("tx-1001");
        }
        // the rejected token's refresh token is not trusted: the second login is a password grant
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("grant_type", equalTo("password")));
    }

    @Test
    void rejectedCredentialsAreAnAuthenticationExceptionWithTheOauthError() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(jsonText(401,
                "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("tx-1001"))
                    .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                        assertThat(e.operation()).isEqualTo("token");
                        assertThat(e.httpStatus()).hasValue(401);
                        assertThat(e.providerCode()).contains("invalid_grant");
                        assertThat(e.providerMessage()).contains("Invalid user credentials");
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET);
                    });
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001")));
    }

    @Test
    void aTokenEndpointOutageIsRetriedThenProviderUnavailable() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("tx-1001")).isInstanceOf(ProviderUnavailableException.class);
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsAProtocolError() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(jsonText(200, "{\"expires_in\":300}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("tx-1001")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("access_token");
        }
    }

    @Test
    void concurrentCallsShareOneLogin() throws Exception {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, "token-answer.json")
                .withFixedDelay(50)));
        stubTransaction();
        int n = 16;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try (CentiliClient c = client()) {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return c.transaction("tx-1001").transactionId();
                }));
            }
            go.countDown();
            for (Future<String> f : results) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("tx-1001");
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }
}
