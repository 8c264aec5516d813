package io.dcb4j.core.spi.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Answers that echo what they were sent, or carry hostile text: no credential of the call, no full MSISDN,
 * no control or bidi character and no unbounded text reaches an exception; a write whose outcome is unknown
 * names the reference to reconcile.
 */
class HostileAnswerTest extends WireMockTestSupport {

    static final String CLIENT_SECRET = "cs-7Hq2/x+Z";
    static final String PASSWORD = "pw-93kd!";
    static final String EXTRA = "xk-55aa77bb";
    static final String API_KEY = "ak-1029384756";
    static final String BEARER = "tok-bearer-81f2";

    /** The provider's code and message, read from a JSON body the way provider mappers do. */
    static final ErrorMapper READS_BODY = (request, response) -> {
        JsonNode tree = response.jsonTreeOrNull();
        return HttpErrors.byStatus(response, response.context().withProviderError(
                tree == null ? null : tree.path("error").asText(null),
                tree == null ? null : tree.path("error_description").asText(null)));
    };

    HttpTransport transport(ClientOptions options) {
        return HttpTransport.builder("test", options).baseUrl("base-url", wm.baseUrl() + "/api")
                .tokens(CachingTokenProvider.builder("k", previous -> AccessToken.bearer(BEARER,
                        Instant.now().plusSeconds(600))).build())
                .errorMapper(READS_BODY).build();
    }

    static void assertClean(DcbException e) {
        for (String text : new String[] {e.getMessage(), e.toString(), e.providerMessage().orElse(""),
                e.providerCode().orElse(""), e.requestId().orElse(""), e.context().toString()}) {
            assertThat(text).doesNotContain(CLIENT_SECRET, PASSWORD, EXTRA, API_KEY, BEARER, "98765432",
                    "98 765 432", "\r", "\n", "\u001b", "\u202E", "\u2028");
        }
    }

    @Test
    void aTokenRequestWhoseErrorEchoesItsFormCredentialsShowsNone() {
        wm.stubFor(post("/api/token").willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":\"invalid_client " + CLIENT_SECRET + "\",\"error_description\":\"client_secret="
                        + CLIENT_SECRET.replace("/", "%2F").replace("+", "%2B") + " password " + PASSWORD
                        + " rejected\"}")));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_secret", CLIENT_SECRET);
        form.put("password", PASSWORD);
        try (HttpTransport t = transport(fastOptionsBuilder().build())) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                    () -> t.execute(ApiRequest.post("token", t.url("token").build()).formBody(form)
                            .authenticated(false).retrySafe(true).build()));
            assertThat(e.providerCode()).hasValue("invalid_client ***");
            assertThat(e.providerMessage()).hasValue("client_secret=*** password *** rejected");
            assertThat(e.getMessage()).isEqualTo("credentials rejected: HTTP 401 [provider=test, operation=token, "
                    + "httpStatus=401, code=invalid_client ***, message=client_secret=*** password *** rejected]");
            assertClean(e);
        }
    }

    @Test
    void extraHeadersCredentialHeadersAndTheBearerTokenEchoedByA2xxAnswerShowNone() {
        wm.stubFor(get("/api/thing").willReturn(aResponse().withStatus(200)
                .withBody("<html>denied: " + EXTRA + " " + API_KEY + " " + BEARER + "</html>")));
        ClientOptions options = fastOptionsBuilder().extraHeader("X-Partner-Key", EXTRA).build();
        try (HttpTransport t = transport(options)) {
            ApiResponse r = t.execute(ApiRequest.get("thing", t.url("thing").build()).header("X-Api-Key", API_KEY)
                    .build());
            DcbProtocolException e = catchThrowableOfType(DcbProtocolException.class, () -> r.json(Map.class));
            assertThat(e.getMessage()).isEqualTo("unreadable answer, expected Map JSON: <html>denied: *** *** ***</html> "
                    + "[provider=test, operation=thing, httpStatus=200]");
            assertClean(e);
            assertThat(r.context().scrub("x " + API_KEY)).isEqualTo("x ***");
        }
    }

    @Test
    void requestIdsAreCleanedLikeProviderMessages() {
        wm.stubFor(get("/api/thing").willReturn(aResponse().withStatus(503)
                .withHeader("X-Request-Id", "rq (216) 98.765.432 \u202Eevil")
                .withBody("{\"error\":\"E1\",\"error_description\":\"busy\"}")));
        try (HttpTransport t = transport(fastOptionsBuilder().retryPolicy(io.dcb4j.core.RetryPolicy.builder()
                .maxAttempts(1).build()).build())) {
            ProviderUnavailableException e = catchThrowableOfType(ProviderUnavailableException.class,
                    () -> t.execute(ApiRequest.get("thing", t.url("thing").build()).build()));
            assertThat(e.requestId()).hasValue("rq (216) 9*.***.*32 evil");
            assertClean(e);
        }
    }

    @Test
    void aHugeHostileMessageIsCutAndCleaned() {
        String hostile = "line1\r\nERROR fake\u001b[2J\u2028+216 98 765 432 \u202Egnp.exe " + "A".repeat(3 * 1024 * 1024);
        wm.stubFor(get("/api/thing").willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":\"bad\\u0007code\",\"error_description\":\"" + hostile.replace("\r", "\\r")
                        .replace("\n", "\\n").replace("\u001b", "\\u001b").replace("\u0007", "\\u0007") + "\"}")));
        try (HttpTransport t = transport(fastOptionsBuilder().maxResponseBytes(8L * 1024 * 1024).build())) {
            DcbException e = catchThrowableOfType(DcbException.class,
                    () -> t.execute(ApiRequest.get("thing", t.url("thing").build()).build()));
            assertThat(e.providerCode()).hasValue("bad code");
            assertThat(e.providerMessage().orElseThrow()).hasSize(Redaction.MAX_TEXT)
                    .startsWith("line1 ERROR fake +216 9* *** *32 gnp.exe AAAA").endsWith("A" + Redaction.TRUNCATED);
            assertThat(e.getMessage()).hasSizeLessThan(2 * Redaction.MAX_TEXT);
            assertClean(e);
        }
    }

    @Test
    void anUnsafeWriteWithAnUnknownOutcomeNamesTheReferenceToReconcile() {
        wm.stubFor(put("/api/payments/1725651234").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (HttpTransport t = transport(fastOptionsBuilder().build());
                LogCapture logs = LogCapture.start()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> t.execute(ApiRequest.put("completePayment", t.url("payments/1725651234").build())
                            .jsonBody(Map.of("amount", "10.00")).reference("paymentId", "1725651234").build()));
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.reference()).hasValue(new ProviderReference("paymentId", "1725651234"));
            assertThat(e.getMessage()).isEqualTo("call failed (SocketException) after the request was sent; not "
                    + "retried: the provider may have applied it; query the status of this paymentId (see reference) "
                    + "before trying again [provider=test, operation=completePayment, reference=paymentId 1725651234]");
            assertThat(logs.text()).doesNotContain(BEARER);
        }
        wm.verify(1, putRequestedFor(urlPathEqualTo("/api/payments/1725651234")));
    }

    @Test
    void everyExceptionOfACallWithAReferenceCarriesIt() {
        wm.stubFor(post("/api/tx/tx-9/release").willReturn(aResponse().withStatus(500)));
        try (HttpTransport t = transport(fastOptionsBuilder().build())) {
            DcbException e = catchThrowableOfType(DcbException.class,
                    () -> t.execute(ApiRequest.post("release", t.url("tx/tx-9/release").build())
                            .reference("transactionId", "tx-9").build()));
            assertThat(e).isInstanceOf(ProviderUnavailableException.class);
            assertThat(e.reference()).hasValue(new ProviderReference("transactionId", "tx-9"));
            assertThat(e.getMessage()).endsWith("reference=transactionId tx-9]");
        }
        try (HttpTransport t = transport(fastOptionsBuilder().build())) {
            wm.stubFor(get("/api/x").willReturn(aResponse().withStatus(500)));
            DcbException e = catchThrowableOfType(DcbException.class,
                    () -> t.execute(ApiRequest.get("x", t.url("x").build()).reference("id", " ").build()));
            assertThat(e.reference()).isEmpty();
        }
    }
}
