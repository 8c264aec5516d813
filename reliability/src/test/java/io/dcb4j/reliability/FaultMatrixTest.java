package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fault matrix: every operation of every provider ({@link Fixtures#operations()}) against every fault
 * ({@link Fault}), each cell asserting the outcome (success after a safe retry, or the documented typed
 * exception with its fields), that it came within the call timeout, and how many requests the server got.
 * The fault hits the first request to the operation's endpoint; later requests succeed, so a retried call
 * succeeds and a call that must not be repeated shows exactly one request.
 */
class FaultMatrixTest {

    static final Duration CALL_TIMEOUT = Fixtures.options().callTimeout();
    /**
     * The read timeout of the one request that the {@link Fault#READ_TIMEOUT} cells hold back, set on that
     * request alone: every other request of every cell (the token, the other steps, the retry) keeps the call
     * timeout as its read timeout, so that no ordinary answer on a loaded machine can time out.
     */
    static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(250);
    /** How long the server holds that answer back: far beyond the short timeout, even if it fires late. */
    static final int READ_TIMEOUT_DELAY_MS = 3000;
    static final byte[] TEN_MB = tenMegabytes();

    static WireMockServer wm;
    static int closedPort;
    static final AtomicInteger RUN = new AtomicInteger();
    static final AtomicInteger PASSED = new AtomicInteger();
    static final Map<String, String> FAILURES = new ConcurrentHashMap<>();
    static final AtomicInteger CELL_IDS = new AtomicInteger();

    /**
     * Whether this core's {@code DcbTransportException.isRetryable()} tells "may have been applied" (false)
     * from "safe to repeat" (true); an older core answers true for every transport failure.
     */
    static final boolean RETRYABLE_REFLECTS_OUTCOME = hasOutcomeConstructor();

    private static boolean hasOutcomeConstructor() {
        try {
            DcbTransportException.class.getConstructor(String.class, io.dcb4j.core.error.ErrorContext.class,
                    boolean.class, Throwable.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** The injected faults. */
    enum Fault {
        CONNECTION_REFUSED(Kind.REFUSED),
        CONNECTION_RESET(Kind.TRANSPORT),
        EMPTY_RESPONSE(Kind.TRANSPORT),
        MALFORMED_CHUNK(Kind.TRANSPORT),
        RANDOM_BYTES_THEN_CLOSE(Kind.TRANSPORT),
        READ_TIMEOUT(Kind.TRANSPORT),
        HTTP_500(Kind.STATUS),
        HTTP_502(Kind.STATUS),
        HTTP_503(Kind.STATUS),
        HTTP_503_RETRY_AFTER(Kind.STATUS),
        HTTP_429_RETRY_AFTER(Kind.STATUS),
        HTTP_401_CACHED_TOKEN(Kind.AUTH),
        HTML_PAGE_200(Kind.BODY),
        TRUNCATED_JSON(Kind.BODY),
        WRONG_SHAPE(Kind.BODY),
        TEN_MB_BODY(Kind.HUGE);

        final Kind kind;

        Fault(Kind kind) {
            this.kind = kind;
        }
    }

    enum Kind { REFUSED, TRANSPORT, STATUS, AUTH, BODY, HUGE }

    /** An expected outcome: success, or an exception type (with its HTTP status), and the request count. */
    record Expect(Class<? extends DcbException> exception, Integer httpStatus, int requests) {
        static Expect success(int requests) {
            return new Expect(null, null, requests);
        }

        static Expect failure(Class<? extends DcbException> type, Integer status, int requests) {
            return new Expect(type, status, requests);
        }

        @Override
        public String toString() {
            return (exception == null ? "success" : exception.getSimpleName()
                    + (httpStatus == null ? "" : "(" + httpStatus + ")")) + ", " + requests + " request(s)";
        }
    }

    @BeforeAll
    static void start() throws IOException {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1").containerThreads(40)
                // a declared Content-Length: with gzip the 10 MB cell would measure WireMock's compression speed
                .gzipDisabled(true)
                // and a journal that does not copy the 10 MB answer, which would hold the headers back
                .maxLoggedResponseSize(4096));
        wm.start();
        // serve the 10 MB answer twice before the matrix, so its first cells do not measure a cold JIT
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/warm-up").willReturn(aResponse()
                .withStatus(200).withBody(TEN_MB)));
        okhttp3.OkHttpClient plain = new okhttp3.OkHttpClient();
        for (int i = 0; i < 2; i++) {
            try (okhttp3.Response r = plain.newCall(new okhttp3.Request.Builder().url(wm.baseUrl() + "/warm-up")
                    .build()).execute()) {
                r.body().bytes();
            }
        }
        plain.dispatcher().executorService().shutdown();
        plain.connectionPool().evictAll();
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws IOException {
        wm.stop();
        String summary = "fault matrix: " + Fixtures.operations().size() + " operations x " + Fault.values().length
                + " faults; cells run " + RUN.get() + ", cells passed " + PASSED.get();
        System.out.println(summary);
        FAILURES.forEach((k, v) -> System.out.println("FAILED " + k + ": " + v));
        Path out = Path.of("target", "fault-matrix.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, summary + "\n" + FAILURES.entrySet().stream().map(e -> "FAILED " + e.getKey() + ": "
                + e.getValue()).collect(Collectors.joining("\n")), StandardCharsets.UTF_8);
    }

    @TestFactory
    Stream<DynamicTest> faultMatrix() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Fixtures.Op op : Fixtures.operations()) {
            for (Fault fault : Fault.values()) {
                cells.add(DynamicTest.dynamicTest(op + " x " + fault, () -> runCell(op, fault)));
            }
        }
        return cells.stream();
    }

    static Expect expected(Fixtures.Op op, Fault fault) {
        Expect override = op.overrides.get(fault);
        if (override != null) {
            return override;
        }
        return switch (fault.kind) {
            case REFUSED -> Expect.failure(DcbTransportException.class, null, 0);
            case TRANSPORT -> op.retrySafe() ? Expect.success(2) : Expect.failure(DcbTransportException.class, null, 1);
            case STATUS -> {
                int status = status(fault);
                if (op.retrySafe()) {
                    yield Expect.success(2);
                }
                yield Expect.failure(status == 429 ? RateLimitedException.class : ProviderUnavailableException.class,
                        status, 1);
            }
            case AUTH -> op.authenticated ? Expect.success(2) : Expect.failure(AuthenticationException.class, 401, 1);
            case BODY -> op.readsBody ? Expect.failure(DcbProtocolException.class, null, 1) : Expect.success(1);
            case HUGE -> Expect.failure(DcbProtocolException.class, null, 1);
        };
    }

    static int status(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> 500;
            case HTTP_502 -> 502;
            case HTTP_503, HTTP_503_RETRY_AFTER -> 503;
            case HTTP_429_RETRY_AFTER -> 429;
            default -> throw new IllegalArgumentException(fault.name());
        };
    }

    /** Retry-After: 0 where the call will be retried (nothing waits), 7 where it will not (asserted). */
    static String retryAfter(Fixtures.Op op) {
        return op.retrySafe() ? "0" : "7";
    }

    static ResponseDefinitionBuilder faultResponse(Fixtures.Op op, Fault fault) {
        String ok = op.target.body();
        return switch (fault) {
            case CONNECTION_REFUSED -> Fixtures.json(200, ok);
            case CONNECTION_RESET -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
            case EMPTY_RESPONSE -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE);
            case MALFORMED_CHUNK -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.MALFORMED_RESPONSE_CHUNK);
            case RANDOM_BYTES_THEN_CLOSE -> aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.RANDOM_DATA_THEN_CLOSE);
            case READ_TIMEOUT -> Fixtures.json(200, ok).withFixedDelay(READ_TIMEOUT_DELAY_MS);
            case HTTP_500, HTTP_502, HTTP_503 -> aResponse().withStatus(status(fault))
                    .withHeader("Content-Type", "text/plain").withBody("upstream trouble");
            case HTTP_503_RETRY_AFTER, HTTP_429_RETRY_AFTER -> aResponse().withStatus(status(fault))
                    .withHeader("Retry-After", retryAfter(op)).withHeader("Content-Type", "text/plain")
                    .withBody("slow down");
            case HTTP_401_CACHED_TOKEN -> Fixtures.json(401, "{\"error\":\"invalid_token\"}");
            case HTML_PAGE_200 -> aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                    .withBody("<!DOCTYPE html><html><body><h1>Service temporarily unavailable</h1></body></html>");
            case TRUNCATED_JSON -> Fixtures.json(200, ok.isEmpty() ? "{\"status\": \"Succ" : ok.substring(0, ok.length() / 2));
            case WRONG_SHAPE -> Fixtures.json(200, op.wrongShape);
            case TEN_MB_BODY -> aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(TEN_MB);
        };
    }

    static void stubScenario(Fixtures.Op op, Fault fault, boolean warmUp) {
        String scenario = "cell";
        var target = op.target;
        String first = warmUp ? STARTED : STARTED;
        if (warmUp) {
            wm.stubFor(request(target.method().getName(), urlPathMatching(target.pathRegex())).inScenario(scenario)
                    .whenScenarioStateIs(STARTED).willReturn(Fixtures.json(200, target.body())).willSetStateTo("armed"));
            first = "armed";
        }
        wm.stubFor(request(target.method().getName(), urlPathMatching(target.pathRegex())).inScenario(scenario)
                .whenScenarioStateIs(first).willReturn(faultResponse(op, fault)).willSetStateTo("recovered"));
        wm.stubFor(request(target.method().getName(), urlPathMatching(target.pathRegex())).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(Fixtures.json(200, target.body())));
    }

    /** Runs a cell once: a cell that fails fails the build. */
    static void runCell(Fixtures.Op op, Fault fault) {
        RUN.incrementAndGet();
        try {
            check(op, fault);
            PASSED.incrementAndGet();
        } catch (AssertionError | RuntimeException e) {
            FAILURES.put(op + " x " + fault, String.valueOf(e.getMessage()));
            throw e;
        }
    }

    /**
     * For the {@link Fault#READ_TIMEOUT} cells: the caller's OkHttp client (through which the provider client
     * is built) that gives the first request to the faulty endpoint, and no other, the short read timeout.
     * Timeouts are sized per fault and per request: a read timeout short enough to keep the matrix fast, on
     * every request, would also fire on ordinary answers when the machine is loaded (a GC pause, another
     * build).
     */
    static OkHttpClient shortReadTimeoutOnTheHeldRequest(Fixtures.Op op) {
        AtomicBoolean armed = new AtomicBoolean(true);
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            Request r = chain.request();
            if (r.method().equals(op.target.method().getName()) && r.url().encodedPath().matches(op.target.pathRegex())
                    && armed.getAndSet(false)) {
                return chain.withReadTimeout((int) SHORT_READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).proceed(r);
            }
            return chain.proceed(r);
        }).build();
    }

    static void check(Fixtures.Op op, Fault fault) {
        wm.resetAll();
        Expect expect = expected(op, fault);
        boolean warmUp = fault == Fault.HTTP_401_CACHED_TOKEN && op.authenticated;
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        stubScenario(op, fault, warmUp);
        // requests are counted by this cell's own header: a late request of an earlier cell does not count
        String cell = "cell-" + CELL_IDS.incrementAndGet();
        Fixtures.CELL.set(cell);
        // every request's read timeout is the call timeout, except the one the READ_TIMEOUT fault holds back
        Fixtures.READ_TIMEOUT.set(CALL_TIMEOUT);
        OkHttpClient callers = fault == Fault.READ_TIMEOUT ? shortReadTimeoutOnTheHeldRequest(op) : null;
        Fixtures.CALLER_CLIENT.set(callers);
        String base = fault == Fault.CONNECTION_REFUSED ? "http://127.0.0.1:" + closedPort : wm.baseUrl();
        Throwable thrown = null;
        long elapsedMs;
        try (BillingProvider client = op.provider.factory().apply(base)) {
            if (warmUp) {
                op.call.apply(client);
                wm.resetRequests();
            }
            long start = System.nanoTime();
            try {
                op.call.apply(client);
            } catch (Throwable t) {
                thrown = t;
            }
            elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        } finally {
            Fixtures.CALLER_CLIENT.remove();
            if (callers != null) {
                callers.dispatcher().executorService().shutdown();
                callers.connectionPool().evictAll();
            }
        }
        RequestPatternBuilder pattern = RequestPatternBuilder.newRequestPattern(op.target.method(),
                urlPathMatching(op.target.pathRegex())).withHeader("X-Cell", equalTo(cell));
        List<LoggedRequest> received = wm.findAll(pattern);
        String where = op + " x " + fault + " (expected " + expect + ")";

        if (elapsedMs >= CALL_TIMEOUT.toMillis()) {
            throw new AssertionError(where + ": took " + elapsedMs + " ms, call timeout is " + CALL_TIMEOUT);
        }
        if (expect.exception() == null) {
            if (thrown != null) {
                throw new AssertionError(where + ": threw " + thrown, thrown);
            }
        } else {
            if (thrown == null) {
                throw new AssertionError(where + ": succeeded");
            }
            if (!expect.exception().isInstance(thrown)) {
                throw new AssertionError(where + ": threw " + thrown, thrown);
            }
            DcbException e = (DcbException) thrown;
            require(where, "provider", e.provider(), op.provider.id());
            require(where, "operation present", e.operation() != null, true);
            if (expect.httpStatus() != null) {
                require(where, "httpStatus", e.httpStatus().isPresent() ? e.httpStatus().getAsInt() : null,
                        expect.httpStatus());
            }
            if (e instanceof DcbTransportException) {
                boolean sent = fault != Fault.CONNECTION_REFUSED;
                // the transport's own exception (a provider may wrap it to add reconciliation advice)
                DcbTransportException inner = (DcbTransportException) e;
                while (inner.getCause() instanceof DcbTransportException t) {
                    inner = t;
                }
                require(where, "message says whether it was sent", inner.getMessage().contains(
                        sent ? "after the request was sent" : "before the request was sent"), true);
                // retryable unless a write without key may have been applied (when core distinguishes the two)
                require(where, "retryable", inner.isRetryable(),
                        !RETRYABLE_REFLECTS_OUTCOME || !sent || op.retrySafe());
                require(where, "a provider's wrapping exception keeps the transport's retryability",
                        e.isRetryable(), inner.isRetryable());
            }
            if (e instanceof ProviderUnavailableException) {
                require(where, "retryable", e.isRetryable(), true);
            }
            if (e instanceof RateLimitedException r) {
                require(where, "retryAfter", r.retryAfter().orElse(null), Duration.ofSeconds(7));
            }
            if (fault == Fault.TEN_MB_BODY) {
                require(where, "message names the limit", e.getMessage().contains("larger than"), true);
            }
        }
        require(where, "requests received", received.size(), expect.requests());
        if (received.size() > 1 && op.safety == Fixtures.Safety.KEYED) {
            List<String> keys = received.stream().map(r -> r.getHeader("Idempotency-Key")).distinct().toList();
            require(where, "one idempotency key reused on every attempt", keys.size() == 1 && keys.get(0) != null,
                    true);
        }
        if (received.size() > 1 && op.safety == Fixtures.Safety.BODY_KEYED) {
            List<String> bodies = received.stream().map(LoggedRequest::getBodyAsString).distinct().toList();
            String key = Fixtures.BODY_KEYS.get(op.provider.id());
            require(where, "the same body (" + key + ") on every attempt",
                    bodies.size() == 1 && bodies.get(0).contains("\"" + key + "\""), true);
        }
        if (fault == Fault.HTTP_401_CACHED_TOKEN && op.authenticated) {
            RequestPatternBuilder tokenPattern = RequestPatternBuilder.newRequestPattern(op.provider.token().method(),
                    urlPathMatching(op.provider.token().pathRegex())).withHeader("X-Cell", equalTo(cell));
            require(where, "token refreshed once", wm.findAll(tokenPattern).size(), 1);
        }
    }

    static void require(String where, String what, Object actual, Object expected) {
        if (!Objects.equals(actual, expected)) {
            throw new AssertionError(where + ": " + what + " was " + actual + ", expected " + expected);
        }
    }

    private static byte[] tenMegabytes() {
        byte[] b = new byte[10 * 1024 * 1024];
        Arrays.fill(b, (byte) 'a');
        b[0] = '"';
        b[b.length - 1] = '"';
        return b;
    }
}
