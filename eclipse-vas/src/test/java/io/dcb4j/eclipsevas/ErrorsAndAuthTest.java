package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The error array mapping, login, token caching and re-login. */
class ErrorsAndAuthTest extends WireMockSupport {

    static String errorArray(String code, String description, String traceId) {
        return "[{\"type\": \"BUSINESS\", \"severity\": \"LOW\", \"description\": \"" + description + "\", \"code\": \""
                + code + "\", \"traceId\": \"" + traceId + "\", \"spanId\": \"5f1e\", \"environment\": \"sandbox\"}]";
    }

    static Stream<Arguments> errorRows() {
        return Stream.of(
                Arguments.of(400, "VAL001", InvalidRequestException.class, false),
                Arguments.of(422, "VAL002", InvalidRequestException.class, false),
                Arguments.of(401, "USR002", AuthenticationException.class, false),
                Arguments.of(403, "SEC001", AuthenticationException.class, false),
                Arguments.of(400, "USR010", AuthenticationException.class, false),
                Arguments.of(429, "RLT001", RateLimitedException.class, true),
                Arguments.of(400, "RLT002", RateLimitedException.class, true),
                Arguments.of(404, "UNK001", NotFoundException.class, false),
                Arguments.of(500, "UNK001", ProviderUnavailableException.class, true),
                Arguments.of(503, "UNK002", ProviderUnavailableException.class, true),
                Arguments.of(418, "XYZ001", DcbApiException.class, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("errorRows")
    void errorArrayMapsByCodeThenStatus(int status, String code, Class<? extends DcbException> type, boolean retryable) {
        wm.stubFor(get(T + "/payments/77").willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(errorArray(code, "Problem with msisdn 27821234567", "trace-" + code))));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.payment(77))
                    .isExactlyInstanceOf(type)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.provider()).isEqualTo("eclipse-vas");
                        assertThat(d.operation()).isEqualTo("payment");
                        assertThat(d.httpStatus()).hasValue(status);
                        assertThat(d.providerCode()).contains(code);
                        assertThat(d.providerMessage()).contains("Problem with msisdn 2782*****67");
                        assertThat(d.requestId()).contains("trace-" + code);
                        assertThat(d.isRetryable()).isEqualTo(retryable);
                        assertThat(d.getMessage()).doesNotContain("27821234567");
                    });
        }
    }

    @Test
    void aRateLimitCarriesRetryAfter() {
        wm.stubFor(get(T + "/payments/77").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody(errorArray("RLT001", "Too many requests", "t-1"))));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.payment(77)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(T + "/payments/77")));
    }

    @Test
    void readsAreRetriedOn5xxThenMapped() {
        wm.stubFor(get(T + "/payments/77").willReturn(aResponse().withStatus(503)
                .withBody(errorArray("UNK001", "Service unavailable", "t-2"))));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.payment(77)).isInstanceOf(ProviderUnavailableException.class);
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo(T + "/payments/77")));
    }

    @Test
    void aNonJsonErrorBodyMapsByStatus() {
        wm.stubFor(get(T + "/payments/77").willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.payment(77)).isInstanceOfSatisfying(ProviderUnavailableException.class,
                    e -> assertThat(e.providerCode()).isEmpty());
        }
    }

    @Test
    void aRejectedLoginIsAnAuthenticationExceptionWithTheUsrCode() {
        wm.stubFor(post(LOGIN).willReturn(aResponse().withStatus(401)
                .withBody(errorArray("USR002", "Invalid identity or password", "t-login"))));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.catalogs()).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e.operation()).isEqualTo("login");
                assertThat(e.providerCode()).contains("USR002");
                assertThat(e.requestId()).contains("t-login");
                assertThat(e.getMessage()).doesNotContain(PASSWORD).doesNotContain(IDENTITY);
            });
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs")));
    }

    @Test
    void theJwtIsCachedAcrossCalls() {
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = client()) {
            eclipse.catalogs();
            eclipse.catalogs();
            eclipse.catalogs(CatalogQuery.frontierWeb());
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
        wm.verify(3, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs")).withHeader("Authorization", equalTo(BEARER)));
    }

    @Test
    void anExpiredJwtIsRenewedByLoggingInAgain() {
        // login.json expires at 2030-01-01T10:00:00Z; a clock after that makes every cached token stale
        Clock late = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = builder().options(fast().clock(late).build()).build()) {
            eclipse.catalogs();
            eclipse.catalogs();
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void aJwtIsKeptUntilShortlyBeforeItsExpiry() {
        Clock early = Clock.fixed(Instant.parse("2030-01-01T09:58:00Z"), ZoneOffset.UTC);
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = builder().options(fast().clock(early).build()).build()) {
            eclipse.catalogs();
            eclipse.catalogs();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void a401LogsInAgainOnceAndRetries() {
        wm.stubFor(post(LOGIN).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(res("login.json"))).willSetStateTo("second"));
        wm.stubFor(post(LOGIN).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("{\"headerName\": \"Authorization\", \"headerValue\": \"Bearer second-jwt\","
                        + " \"expiresEpochSecs\": 1893492000}")));
        wm.stubFor(get(T + "/vas/catalogs").withHeader("Authorization", equalTo(BEARER))
                .willReturn(aResponse().withStatus(401).withBody(errorArray("USR005", "Token expired", "t-3"))));
        wm.stubFor(get(T + "/vas/catalogs").withHeader("Authorization", equalTo("Bearer second-jwt"))
                .willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = client()) {
            assertThat(eclipse.catalogs().partners()).isEmpty();
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN)));
        wm.verify(2, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs")));
    }

    @Test
    void a401AfterTheNewLoginIsAnAuthenticationException() {
        wm.stubFor(get(T + "/vas/catalogs").willReturn(aResponse().withStatus(401)
                .withBody(errorArray("USR005", "Token expired", "t-4"))));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(eclipse::catalogs).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.providerCode()).contains("USR005"));
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void theLoginPathIsConfigurableAndAnotherHeaderNameIsHonoured() {
        wm.stubFor(post("/api/v2/login").willReturn(okJson("{\"headerName\": \"X-Eclipse-Auth\","
                + " \"headerValue\": \"raw-token-value\", \"expires\": \"2030-01-01T10:00:00Z\"}")));
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = builder().loginPath("/api/v2/login").build()) {
            eclipse.catalogs();
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(LOGIN)));
        wm.verify(getRequestedFor(urlPathEqualTo(T + "/vas/catalogs"))
                .withHeader("X-Eclipse-Auth", equalTo("raw-token-value")).withoutHeader("Authorization"));
    }

    @Test
    void aLoginAnswerWithoutHeaderValueIsAProtocolError() {
        wm.stubFor(post(LOGIN).willReturn(okJson("{\"headerName\": \"Authorization\"}")));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(eclipse::catalogs).isInstanceOfSatisfying(DcbProtocolException.class,
                    e -> assertThat(e.operation()).isEqualTo("login"));
        }
    }

    @Test
    void aLoginAnswerWithoutExpiryUsesTheDocumentedLifetime() {
        Clock now = Clock.fixed(Instant.parse("2025-05-01T12:00:00Z"), ZoneOffset.UTC);
        wm.stubFor(post(LOGIN).willReturn(okJson("{\"headerName\": \"Authorization\", \"headerValue\": \"Bearer j\"}")));
        wm.stubFor(get(T + "/vas/catalogs").willReturn(okJson("[]")));
        try (EclipseVasClient eclipse = builder().options(fast().clock(now).build()).build()) {
            eclipse.catalogs();
            eclipse.catalogs();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(LOGIN)));
    }

    @Test
    void anUnreadableAnswerIsAProtocolError() {
        wm.stubFor(get(T + "/payments/77").willReturn(okJson("{\"paymentId\": ")));
        wm.stubFor(get(T + "/payments/78").willReturn(okJson("{\"status\": \"PENDING\"}")));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.payment(77)).isInstanceOf(DcbProtocolException.class);
            assertThatThrownBy(() -> eclipse.payment(78)).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("paymentId");
        }
    }

    @Test
    void anEmptyBillLookupIsNotFound() {
        wm.stubFor(get(urlPathEqualTo(T + "/vas/catalogs")).willReturn(okJson("[{\"partnerId\": 21, \"products\": []}]")));
        try (EclipseVasClient eclipse = client()) {
            assertThatThrownBy(() -> eclipse.umemeAccount("200166426")).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.operation()).isEqualTo("umemeAccount"));
        }
    }

    @Test
    void networkLookupAcceptsABareNumberAndKeepsFields() {
        wm.stubFor(get(T + "/vas/27821234567").willReturn(okJson("5")));
        wm.stubFor(get(T + "/vas/27831234567").willReturn(okJson("{\"partnerId\": \"4\", \"partnerName\": \"MTN\","
                + " \"ported\": true}")));
        wm.stubFor(get(T + "/vas/27841234567").willReturn(okJson("{\"network\": \"unknown\"}")));
        try (EclipseVasClient eclipse = client()) {
            assertThat(eclipse.networkFor(Msisdn.of("27821234567")).partnerId()).isEqualTo(5);
            var mtn = eclipse.networkFor(Msisdn.of("27831234567"));
            assertThat(mtn.partnerId()).isEqualTo(4);
            assertThat(mtn.partnerName()).isEqualTo("MTN");
            assertThat(mtn.fields()).containsEntry("ported", "true");
            assertThat(mtn.toString()).doesNotContain("27831234567");
            var unknown = eclipse.networkFor(Msisdn.of("27841234567"));
            assertThat(unknown.partnerId()).isNull();
            assertThat(eclipse.productsForNetworkOf(Msisdn.of("27841234567"))).isEmpty();
        }
        wm.verify(0, getRequestedFor(urlPathEqualTo(T + "/vas/catalogs")));
    }
}
