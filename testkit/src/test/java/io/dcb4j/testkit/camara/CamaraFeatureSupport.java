package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.testkit.MagicMsisdn;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The CAMARA test definitions ({@code *.feature}) ported to JUnit: each test is named after its scenario id
 * and runs the scenario against the simulator, through the dcb4j client where a client can express it, and
 * as raw HTTP where the scenario sends what the client never sends (no body, a broken header, no token).
 */
abstract class CamaraFeatureSupport {

    static CamaraSimulator sim;
    static HttpClient http;
    final AtomicInteger references = new AtomicInteger();
    CamaraClient client;

    @BeforeAll
    static void startSimulator() {
        sim = new CamaraSimulator();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    @BeforeEach
    void freshState() {
        sim.reset();
        client = builder().build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    static ClientOptions options() {
        return ClientOptions.builder().allowInsecureHttp(true).readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(10))
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build()).build();
    }

    static CamaraClient.Builder builder() {
        return CamaraClient.builder().baseUrl(sim.baseUrl()).tokenUrl(sim.baseUrl() + CamaraSimulator.TOKEN_PATH)
                .clientId(CamaraSimulator.CLIENT_ID).clientSecret(CamaraSimulator.CLIENT_SECRET).options(options());
    }

    /** A client whose every call concerning a subscriber carries the simulator's three-legged token. */
    static CamaraClient threeLegged() {
        return builder().subscriberTokens((subscriber, scope) -> CachingTokenProvider.builder(
                CachingTokenProvider.cacheKey("camara-3l", subscriber.digits(), scope), previous ->
                        AccessToken.bearer(sim.threeLeggedToken(subscriber), Instant.now().plusSeconds(600)))
                .build()).build();
    }

    // ---------------------------------------------------------------- data

    static Msisdn phone() {
        return sim.sampleMsisdn();
    }

    static Msisdn phone(String suffix) {
        return CamaraSimulator.withSuffix(sim.sampleMsisdn(), suffix);
    }

    static Msisdn phone(MagicMsisdn magic) {
        return magic.applyTo(sim.sampleMsisdn().digits());
    }

    PaymentRequest.Builder payment(Msisdn phone, String amount) {
        return PaymentRequest.builder(Money.of(amount, "EUR"), "FIFA EA Sports 24", "ref-pay-"
                + references.incrementAndGet()).phoneNumber(phone);
    }

    PaymentRequest.Builder payment(Msisdn phone) {
        return payment(phone, "100");
    }

    Payment paid(Msisdn phone, String amount) {
        return client.createPayment(payment(phone, amount).build());
    }

    Payment paid() {
        return paid(phone(), "80");
    }

    Payment reserved(Msisdn phone) {
        return client.preparePayment(payment(phone).build());
    }

    Refund refunded(Payment p, RefundRequest request) {
        return client.createRefund(p.paymentId(), request);
    }

    RefundRequest.Builder partial(String amount) {
        return RefundRequest.partial(Money.of(amount, "EUR"), "Partial refund", "ref-refund-"
                + references.incrementAndGet());
    }

    RefundRequest.Builder total() {
        return RefundRequest.total("ref-refund-" + references.incrementAndGet());
    }

    // ---------------------------------------------------------------- raw HTTP

    /** An answer to a raw request. */
    record Answer(int status, HttpResponse<String> response) {
        JsonNode json() {
            return Json.treeOrNull(response.body());
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    static String token() {
        return sim.twoLeggedToken(CamaraSimulator.SCOPES);
    }

    static Answer raw(String method, String path, String authorization, String correlator, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).timeout(Duration.ofSeconds(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (correlator != null) {
            b.header("x-correlator", correlator);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Answer raw(String method, String path, String body) {
        return raw(method, path, "Bearer " + token(), "b4333c46-49c0-4f62-80d7-f0ef930f1c46", body);
    }

    /** The error answer the scenarios expect: the status, {@code $.status}, {@code $.code}, a message. */
    static void assertError(Answer a, int status, String code) {
        assertThat(a.status()).as(a.response().body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode json = a.json();
        assertThat(json.path("status").asInt()).isEqualTo(status);
        assertThat(json.path("code").asText()).isEqualTo(code);
        assertThat(json.path("message").asText()).isNotBlank();
    }

    /** The exception the client throws for such an answer: its type, status and code. */
    static void assertError(Runnable call, Class<? extends DcbException> type, int status, String code) {
        Throwable t = catchThrowable(call::run);
        assertThat(t).isInstanceOf(type);
        DcbException e = (DcbException) t;
        assertThat(e.httpStatus()).hasValue(status);
        assertThat(e.providerCode()).hasValue(code);
        assertThat(e.providerMessage()).isPresent();
        assertThat(e.requestId()).isPresent();
    }

    // ---------------------------------------------------------------- scenarios every operation shares

    /** An operation as raw HTTP (method, path, a valid body) and as a client call. */
    record Op(String method, String path, String body, Consumer<CamaraClient> call) {
    }

    /** The operation the generic scenarios of a feature run, with what it needs already in place. */
    abstract Op op();

    /** {@code 400 invalid x-correlator}: the header does not match the schema. */
    void invalidCorrelator() {
        Op op = op();
        Answer a = raw(op.method(), op.path(), "Bearer " + token(), "not a valid correlator!", op.body());
        assertError(a, 400, "INVALID_ARGUMENT");
        assertThat(catchThrowable(() -> op.call().accept(builder().correlators(() -> "not valid!").build())))
                .as("the client refuses such a correlator before sending it")
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code 401.01}: no Authorization header. */
    void noAuthorizationHeader() {
        Op op = op();
        assertError(raw(op.method(), op.path(), null, "c-1", op.body()), 401, "UNAUTHENTICATED");
    }

    /** {@code 401.02}: an expired token; the client fetches a new one once and the call succeeds. */
    void expiredAccessToken() {
        Op op = op();
        String expired = token();
        sim.advanceClock(CamaraSimulator.TOKEN_LIFETIME.plusMinutes(1));
        assertError(raw(op.method(), op.path(), "Bearer " + expired, "c-1", op.body()), 401, "UNAUTHENTICATED");
    }

    /** {@code 401.03}: a token the operator never issued. */
    void invalidAccessToken() {
        Op op = op();
        assertError(raw(op.method(), op.path(), "Bearer invalid-token-x", "c-1", op.body()), 401, "UNAUTHENTICATED");
    }

    /** {@code 403.01}: a token without the operation's scope; the client says so. */
    void tokenWithoutScope() {
        Op op = op();
        try (CamaraClient narrow = builder().scope("carrier-billing:payments:read").build()) {
            if (op.method().equals("GET") && op.path().startsWith(CamaraSimulator.PAYMENTS_PATH)) {
                try (CamaraClient other = builder().scope("carrier-billing-refund:refunds:read").build()) {
                    assertError(() -> op.call().accept(other), AuthenticationException.class, 403,
                            "PERMISSION_DENIED");
                }
            } else {
                assertError(() -> op.call().accept(narrow), AuthenticationException.class, 403, "PERMISSION_DENIED");
            }
        }
    }

    /** {@code 429.01}: the operator's rate limit. */
    void tooManyRequests() {
        Op op = op();
        sim.throttle(1);
        assertError(() -> op.call().accept(client), RateLimitedException.class, 429, "TOO_MANY_REQUESTS");
    }

    static Set<String> set(String... values) {
        return Set.of(values);
    }
}
