package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.camara.CamaraClient;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.testing.SilentServer;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.infomedia.InfomediaClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The transport fails closed for every operation of every provider ({@link Fixtures#operations()}): a
 * redirect (301, 302, 303, 307, 308, also with the caller's OkHttp client) is a protocol error and nothing
 * reaches the other host; a closed client sends nothing; an id that is a dot segment never reaches a path;
 * a base or token URL with user info is refused; an interrupt ends a call at once (before it, on the socket,
 * while waiting for another caller's token, in the backoff) and keeps the flag; callers of a silent token
 * endpoint all give up within about one call timeout, with one token request between them.
 */
class FailClosedTransportTest {

    static final int[] REDIRECTS = {301, 302, 303, 307, 308};
    static final String LEAK = "LOCATIONLEAKx7q";

    static WireMockServer wm;
    /** The host redirects point to: it must never receive a request. */
    static WireMockServer elsewhere;
    static final AtomicInteger CELLS = new AtomicInteger();

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

    @AfterEach
    void clearThreadLocals() {
        Fixtures.CALLER_CLIENT.remove();
        Fixtures.READ_TIMEOUT.remove();
        Thread.interrupted();
    }

    /** A fresh cell: stubs reset, the cell's header set for clients built from now on. */
    static String cell(Fixtures.Op op) {
        wm.resetAll();
        if (op != null) {
            if (!op.targetsToken()) {
                Fixtures.stubToken(wm, op.provider);
            }
            op.others.forEach(e -> Fixtures.stub(wm, e));
        }
        String cell = "fc-" + CELLS.incrementAndGet();
        Fixtures.CELL.set(cell);
        // no read timeout may end these calls before what each cell tests
        Fixtures.READ_TIMEOUT.set(Duration.ofSeconds(30));
        return cell;
    }

    static int received(String cell) {
        return wm.findAll(RequestPatternBuilder.allRequests().withHeader("X-Cell", equalTo(cell))).size();
    }

    static int receivedAt(Fixtures.Endpoint e, String cell) {
        return wm.findAll(RequestPatternBuilder.newRequestPattern(e.method(), urlPathMatching(e.pathRegex()))
                .withHeader("X-Cell", equalTo(cell))).size();
    }

    static Throwable run(BillingProvider client, Fixtures.Op op) {
        try {
            op.call.apply(client);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    // ---------------------------------------------------------------- redirects

    @TestFactory
    Stream<DynamicTest> aRedirectIsAProtocolErrorAndNothingReachesTheOtherHost() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Fixtures.Op op : Fixtures.operations()) {
            for (int status : REDIRECTS) {
                cells.add(DynamicTest.dynamicTest(op + " answered " + status, () -> redirectCell(op, status, false)));
            }
            cells.add(DynamicTest.dynamicTest(op + " answered 307, caller's OkHttp client",
                    () -> redirectCell(op, 307, true)));
        }
        return cells.stream();
    }

    static void redirectCell(Fixtures.Op op, int status, boolean callersClient) {
        String cell = cell(op);
        elsewhere.resetAll();
        String location = "http://localhost:" + elsewhere.port() + "/collect?session=" + LEAK;
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex()))
                .willReturn(aResponse().withStatus(status).withHeader("Location", location)));
        OkHttpClient callers = callersClient ? new OkHttpClient() : null;
        Fixtures.CALLER_CLIENT.set(callers);
        Throwable thrown;
        try (BillingProvider client = op.provider.factory().apply(wm.baseUrl())) {
            thrown = run(client, op);
        } finally {
            if (callers != null) {
                callers.dispatcher().executorService().shutdown();
                callers.connectionPool().evictAll();
            }
        }
        assertThat(thrown).as(op + " " + status).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("HTTP " + status).hasMessageContaining("redirect")
                .hasMessageNotContaining(LEAK).hasMessageNotContaining("collect")
                .hasMessageNotContaining(String.valueOf(elsewhere.port()));
        DcbProtocolException e = (DcbProtocolException) thrown;
        assertThat(e.httpStatus()).as(op + " " + status).hasValue(status);
        assertThat(e.provider()).isEqualTo(op.provider.id());
        assertThat(e.isRetryable()).isFalse();
        // the write answered 307/308 reached the server once; the other host got nothing
        assertThat(receivedAt(op.target, cell)).as(op + " " + status).isEqualTo(1);
        assertThat(elsewhere.getAllServeEvents()).as(op + " " + status + ": requests at the other host").isEmpty();
    }

    // ---------------------------------------------------------------- use after close

    @TestFactory
    Stream<DynamicTest> aClosedClientSendsNothing() {
        return Fixtures.operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            String cell = cell(op);
            Fixtures.stub(wm, op.target);
            BillingProvider client = op.provider.factory().apply(wm.baseUrl());
            client.close();
            client.close();
            assertThat(run(client, op)).as(op.toString()).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThat(received(cell)).as(op.toString()).isZero();
            client.close();
        }));
    }

    // ---------------------------------------------------------------- dot-segment ids

    /** An operation taking an id that reaches a URL path, and the parameter name its refusal must give. */
    record IdOp(Fixtures.Provider provider, String name, String parameter, BiFunction<BillingProvider, String, Object> call) {
        @Override
        public String toString() {
            return provider.id() + " " + name;
        }
    }

    static final List<String> DOT_SEGMENTS = List.of(".", "..", "a/../b", "../x", "%2e%2e", "%2E%2e", ".%2e",
            "%252e%252e", "a%2F..%2Fb", "..;x", "..\\x");

    /**
     * Every caller-given string that becomes a path segment (CAMARA's payment and refund ids among them).
     * Infomedia sends no id in a path (ids travel in
     * bodies); Eclipse's path ids are numbers (payment, customer, tenant) and MSISDN digits, so its neutral
     * status, which parses the id, is the one string entry.
     */
    static List<IdOp> idOperations() {
        Fixtures.Provider ekl = Fixtures.EKLECTIC;
        Fixtures.Provider cen = Fixtures.CENTILI;
        Fixtures.Provider b2m = Fixtures.B2M;
        Fixtures.Provider cam = Fixtures.CAMARA;
        OfferId svc = OfferId.of("svc-gold");
        return List.of(
                new IdOp(ekl, "subscription", "subscriptionId", (c, id) -> Fixtures.as(c, EklecticClient.class).subscription(id)),
                new IdOp(ekl, "unsubscribe", "subscriptionId", (c, id) -> {
                    Fixtures.as(c, EklecticClient.class).unsubscribe(id);
                    return null;
                }),
                new IdOp(ekl, "neutral status", "subscriptionId",
                        (c, id) -> c.subscriptions().orElseThrow().status(SubscriptionRef.of(id))),
                new IdOp(ekl, "neutral cancel", "subscriptionId",
                        (c, id) -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of(id))),
                new IdOp(cen, "submitPin", "transactionId", (c, id) -> Fixtures.as(c, CentiliClient.class).submitPin(id, Fixtures.PIN)),
                new IdOp(cen, "releaseTransaction", "transactionId",
                        (c, id) -> Fixtures.as(c, CentiliClient.class).releaseTransaction(id)),
                new IdOp(cen, "transaction", "transactionId", (c, id) -> Fixtures.as(c, CentiliClient.class).transaction(id)),
                new IdOp(cen, "neutral confirmPin", "transactionId", (c, id) -> c.pinSubscriptions().orElseThrow()
                        .confirmPin(Fixtures.challenge("centili", id, svc), Fixtures.PIN)),
                new IdOp(cen, "neutral charge status", "transactionId",
                        (c, id) -> c.charges().orElseThrow().status(ChargeRef.of(id))),
                new IdOp(cen, "neutral subscription status", "transactionId",
                        (c, id) -> c.subscriptions().orElseThrow().status(SubscriptionRef.of(id))),
                new IdOp(cen, "neutral cancel", "transactionId",
                        (c, id) -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of(id))),
                new IdOp(b2m, "requestCharge", "keyword", (c, id) -> Fixtures.as(c, B2mAocClient.class)
                        .requestCharge(id, Fixtures.MSISDN)),
                new IdOp(b2m, "neutral charge", "keyword", (c, id) -> c.charges().orElseThrow().charge(
                        ChargeRequest.builder(Money.of("10.00", "BDT")).msisdn(Fixtures.MSISDN).offer(OfferId.of(id)).build())),
                new IdOp(b2m, "chargeStatus", "aocTransId", (c, id) -> Fixtures.as(c, B2mAocClient.class).chargeStatus(AocTransactionId.of(id))),
                new IdOp(b2m, "consentUrl", "aocTransId", (c, id) -> Fixtures.as(c, B2mAocClient.class).consentUrl(AocTransactionId.of(id))),
                new IdOp(b2m, "neutral charge status", "aocTransId",
                        (c, id) -> c.charges().orElseThrow().status(ChargeRef.of(id))),
                new IdOp(b2m, "cancelSubscription", "spTransId", (c, id) -> Fixtures.as(c, B2mAocClient.class)
                        .cancelSubscription(SpTransactionId.of(id), Fixtures.MSISDN)),
                new IdOp(b2m, "subscriptionStatus", "spTransId", (c, id) -> Fixtures.as(c, B2mAocClient.class)
                        .subscriptionStatus(SpTransactionId.of(id), Fixtures.MSISDN)),
                new IdOp(b2m, "renewSubscription", "spTransId", (c, id) -> Fixtures.as(c, B2mAocClient.class)
                        .renewSubscription(SpTransactionId.of(id), Fixtures.MSISDN)),
                new IdOp(b2m, "neutral status", "spTransId",
                        (c, id) -> c.subscriptions().orElseThrow().status(SubscriptionRef.of(id, Fixtures.MSISDN))),
                new IdOp(b2m, "neutral cancel", "spTransId",
                        (c, id) -> c.cancellations().orElseThrow().cancel(SubscriptionRef.of(id, Fixtures.MSISDN))),
                new IdOp(b2m, "neutral renew", "spTransId",
                        (c, id) -> c.renewals().orElseThrow().renew(SubscriptionRef.of(id, Fixtures.MSISDN))),
                new IdOp(Fixtures.ECLIPSE, "neutral charge status", "payment id",
                        (c, id) -> c.charges().orElseThrow().status(ChargeRef.of(id))),
                new IdOp(cam, "payment", "paymentId", (c, id) -> Fixtures.as(c, CamaraClient.class).payment(id)),
                new IdOp(cam, "validatePayment", "paymentId", (c, id) -> {
                    Fixtures.as(c, CamaraClient.class).validatePayment(id, "auth-1", Fixtures.PIN);
                    return null;
                }),
                new IdOp(cam, "confirmPayment", "paymentId",
                        (c, id) -> Fixtures.as(c, CamaraClient.class).confirmPayment(id, Fixtures.MSISDN)),
                new IdOp(cam, "cancelPayment", "paymentId",
                        (c, id) -> Fixtures.as(c, CamaraClient.class).cancelPayment(id, Fixtures.MSISDN)),
                new IdOp(cam, "createRefund", "paymentId", (c, id) -> Fixtures.as(c, CamaraClient.class)
                        .createRefund(id, io.dcb4j.camara.model.RefundRequest.total("r-1").build())),
                new IdOp(cam, "refund", "refundId", (c, id) -> Fixtures.as(c, CamaraClient.class).refund("pay-1", id)),
                new IdOp(cam, "refunds", "paymentId", (c, id) -> Fixtures.as(c, CamaraClient.class)
                        .refunds(id, io.dcb4j.camara.model.RefundQuery.all())),
                new IdOp(cam, "remainingAmount", "paymentId",
                        (c, id) -> Fixtures.as(c, CamaraClient.class).remainingAmount(id)),
                new IdOp(cam, "neutral charge status", "paymentId",
                        (c, id) -> c.charges().orElseThrow().status(ChargeRef.of(id))),
                new IdOp(cam, "neutral cancel charge", "paymentId",
                        (c, id) -> c.chargeCancellations().orElseThrow().cancel(ChargeRef.of(id))),
                new IdOp(cam, "neutral refund", "paymentId", (c, id) -> c.refunds().orElseThrow()
                        .refund(io.dcb4j.core.model.RefundRequest.builder(ChargeRef.of(id)).build())),
                new IdOp(cam, "neutral refund status", "refundId", (c, id) -> c.refunds().orElseThrow()
                        .status(io.dcb4j.core.model.RefundRef.of(ChargeRef.of("pay-1"), id))));
    }

    @TestFactory
    Stream<DynamicTest> anIdThatIsADotSegmentNeverReachesAPath() {
        List<DynamicTest> cells = new ArrayList<>();
        for (IdOp op : idOperations()) {
            for (String id : DOT_SEGMENTS) {
                cells.add(DynamicTest.dynamicTest(op + " with id '" + id + "'", () -> {
                    String cell = cell(null);
                    Fixtures.stubToken(wm, op.provider());
                    Throwable thrown;
                    try (BillingProvider client = op.provider().factory().apply(wm.baseUrl())) {
                        try {
                            op.call().apply(client, id);
                            thrown = null;
                        } catch (Throwable t) {
                            thrown = t;
                        }
                    }
                    assertThat(thrown).as(op + " '" + id + "'").isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(op.parameter());
                    assertThat(received(cell)).as(op + " '" + id + "': requests sent").isZero();
                }));
            }
        }
        return cells.stream();
    }

    // ---------------------------------------------------------------- user info in URLs

    @Test
    void aUrlWithUserInfoIsRefusedByEveryBuilderAndFactoryWithoutEchoingIt() {
        String url = "https://api-user:USERINFOSECRET@api.example/x";
        ClientOptions https = ClientOptions.defaults();
        Map<String, Supplier<Object>> builders = new LinkedHashMap<>();
        builders.put("eklectic base-url", () -> EklecticClient.builder().clientId("id").clientSecret("s").baseUrl(url)
                .options(https).build());
        builders.put("infomedia base-url", () -> InfomediaClient.builder().apiKey("k").username("u").password("p")
                .baseUrl(url).options(https).build());
        builders.put("eclipse-vas base-url", () -> EclipseVasClient.builder().baseUrl(url).tenantId(1)
                .credentials("i", "p").options(https).build());
        builders.put("centili base-url", () -> CentiliClient.builder().clientId("c").username("u").password("p")
                .tokenUrl("https://auth.example/token").baseUrl(url).options(https).build());
        builders.put("centili token-url", () -> CentiliClient.builder().clientId("c").username("u").password("p")
                .tokenUrl(url).baseUrl("https://api.example/v3").options(https).build());
        builders.put("b2m-aoc base-url", () -> B2mAocClient.builder().baseUrl(url).options(https).build());
        ConfigurationValidationTest.VALID.forEach((id, valid) -> {
            Map<String, String> config = new LinkedHashMap<>(valid);
            config.put("base-url", url);
            builders.put(id + " factory base-url", () -> BillingProviders.create(id, config));
        });
        Map<String, String> centili = new LinkedHashMap<>(ConfigurationValidationTest.VALID.get("centili"));
        centili.put("token-url", url);
        builders.put("centili factory token-url", () -> BillingProviders.create("centili", centili));

        List<String> problems = new ArrayList<>();
        builders.forEach((name, build) -> {
            String key = name.substring(name.lastIndexOf(' ') + 1);
            ConfigurationValidationTest.check(problems, name, key, build);
            try {
                Object built = build.get();
                problems.add(name + ": built " + built);
            } catch (ConfigurationException e) {
                if (e.getMessage().contains("USERINFOSECRET") || e.getMessage().contains("api-user")) {
                    problems.add(name + ": the message repeats the user info: " + e.getMessage());
                }
                if (!e.getMessage().contains("user info")) {
                    problems.add(name + ": the message does not say what is wrong: " + e.getMessage());
                }
            }
        });
        assertThat(problems).isEmpty();
    }

    // ---------------------------------------------------------------- interrupts

    /** A call on its own thread: its outcome and whether its interrupt flag was still set at the end. */
    static final class Caller {
        final Thread thread;
        final CompletableFuture<Throwable> done = new CompletableFuture<>();
        volatile boolean interruptedAfter;

        Caller(Supplier<Object> call) {
            thread = new Thread(() -> {
                Throwable failure = null;
                try {
                    call.get();
                } catch (Throwable t) {
                    failure = t;
                }
                interruptedAfter = Thread.currentThread().isInterrupted();
                done.complete(failure);
            });
            thread.start();
        }

        /** The failure; the calls' own timeouts are far longer than this wait. */
        Throwable await() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }

        void untilParked(Thread.State... states) {
            while (thread.isAlive() && !List.of(states).contains(thread.getState())) {
                Thread.onSpinWait();
            }
        }
    }

    /** Asserts an interrupted call's outcome: a transport error that says so, and the flag still set. */
    static void assertInterrupted(String where, Caller caller, String saying) throws Exception {
        Throwable failure = caller.await();
        assertThat(failure).as(where).isInstanceOf(DcbTransportException.class);
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t.getMessage()).append('\n');
        }
        assertThat(chain.toString()).as(where).contains(saying);
        assertThat(caller.interruptedAfter).as(where + ": interrupt flag kept").isTrue();
    }

    @TestFactory
    Stream<DynamicTest> anInterruptedThreadSendsNothing() {
        return Fixtures.operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            String cell = cell(op);
            Fixtures.stub(wm, op.target);
            try (BillingProvider client = op.provider.factory().apply(wm.baseUrl())) {
                Thread.currentThread().interrupt();
                Throwable thrown = run(client, op);
                boolean flag = Thread.interrupted();
                assertThat(thrown).as(op.toString()).isInstanceOf(DcbTransportException.class)
                        .hasMessageContaining("interrupted before the request was sent");
                assertThat(flag).as(op + ": interrupt flag kept").isTrue();
            }
            assertThat(received(cell)).as(op.toString()).isZero();
        }));
    }

    @TestFactory
    Stream<DynamicTest> anInterruptEndsACallBlockedOnASilentServer() {
        return Fixtures.operations().stream().map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
            cell(null);
            try (SilentServer silent = SilentServer.start()) {
                if (!op.targetsToken() && op.provider.token() != null) {
                    silent.answer(op.provider.token().pathRegex(), op.provider.token().body());
                }
                op.others.forEach(e -> silent.answer(e.pathRegex(), e.body()));
                try (BillingProvider client = op.provider.factory().apply(silent.baseUrl())) {
                    Caller caller = new Caller(() -> op.call.apply(client));
                    assertThat(silent.awaitSilent(1, 20, TimeUnit.SECONDS)).as(op + ": request received").isTrue();
                    caller.thread.interrupt();
                    assertInterrupted(op.toString(), caller, "interrupted");
                }
                // no retry after the interrupt
                assertThat(silent.requests().stream().filter(r -> r.split(" ")[1].split("\\?")[0]
                        .matches(op.target.pathRegex()))).as(op.toString()).hasSize(1);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> anInterruptEndsAWaitForAnotherCallersToken() {
        return Fixtures.operations().stream().filter(op -> op.provider.token() != null)
                .map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
                    cell(null);
                    try (SilentServer silent = SilentServer.start();
                            BillingProvider client = op.provider.factory().apply(silent.baseUrl())) {
                        Caller fetching = new Caller(() -> op.call.apply(client));
                        assertThat(silent.awaitSilent(1, 20, TimeUnit.SECONDS)).isTrue();
                        Caller waiting = new Caller(() -> op.call.apply(client));
                        waiting.untilParked(Thread.State.WAITING, Thread.State.TIMED_WAITING);
                        waiting.thread.interrupt();
                        assertInterrupted(op + " (waiting)", waiting, "interrupted while waiting for a token");
                        fetching.thread.interrupt();
                        assertInterrupted(op + " (fetching)", fetching, "interrupted");
                        assertThat(silent.requests()).as(op + ": one token request").hasSize(1);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> anInterruptEndsTheBackoffBeforeARetry() {
        return Fixtures.operations().stream().filter(Fixtures.Op::retrySafe)
                .map(op -> DynamicTest.dynamicTest(op.toString(), () -> {
                    String cell = cell(op);
                    // a retry that fits in the call timeout (5 s) after a 3 s pause
                    wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex()))
                            .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));
                    CountDownLatch answered = new CountDownLatch(1);
                    Map<Call, Boolean> unavailable = new ConcurrentHashMap<>();
                    OkHttpClient callers = new OkHttpClient.Builder().eventListener(new EventListener() {
                        @Override
                        public void responseHeadersEnd(Call call, Response response) {
                            if (response.code() == 503) {
                                unavailable.put(call, true);
                            }
                        }

                        @Override
                        public void callEnd(Call call) {
                            if (unavailable.containsKey(call)) {
                                answered.countDown();
                            }
                        }
                    }).build();
                    Fixtures.CALLER_CLIENT.set(callers);
                    try (BillingProvider client = op.provider.factory().apply(wm.baseUrl())) {
                        Caller caller = new Caller(() -> op.call.apply(client));
                        assertThat(answered.await(20, TimeUnit.SECONDS)).as(op + ": 503 read").isTrue();
                        // after the 503 is read, the only timed wait is the pause before the retry
                        caller.untilParked(Thread.State.TIMED_WAITING);
                        caller.thread.interrupt();
                        assertInterrupted(op.toString(), caller, "interrupted while waiting to retry");
                    } finally {
                        callers.dispatcher().executorService().shutdown();
                        callers.connectionPool().evictAll();
                    }
                    assertThat(receivedAt(op.target, cell)).as(op.toString()).isEqualTo(1);
                }));
    }

    // ---------------------------------------------------------------- one deadline

    /**
     * Every operation of every provider with a token endpoint, against a token endpoint that never answers:
     * {@value #CALLERS} concurrent callers per operation (every operation at once) all end with a transport
     * error within about one call timeout, and the endpoint receives one token request per client. Before,
     * callers queued behind the fetch and each fetched again: the last ended after {@value #CALLERS} timeouts.
     */
    static final int CALLERS = 4;

    @Test
    void callersOfASilentTokenEndpointAllGiveUpWithinAboutOneCallTimeout() throws Exception {
        Fixtures.CELL.set("deadline");
        Fixtures.READ_TIMEOUT.set(Duration.ofSeconds(60)); // only the call deadline may end the token request
        Duration callTimeout = Fixtures.options().callTimeout();
        List<Fixtures.Op> ops = Fixtures.operations().stream().filter(op -> op.provider.token() != null).toList();
        List<SilentServer> servers = new ArrayList<>();
        List<BillingProvider> clients = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Object[]>> outcomes = new ArrayList<>();
        try {
            for (Fixtures.Op op : ops) {
                SilentServer silent = SilentServer.start();
                servers.add(silent);
                BillingProvider client = op.provider.factory().apply(silent.baseUrl());
                clients.add(client);
                for (int i = 0; i < CALLERS; i++) {
                    CompletableFuture<Object[]> outcome = new CompletableFuture<>();
                    outcomes.add(outcome);
                    Thread t = new Thread(() -> {
                        try {
                            go.await();
                        } catch (InterruptedException e) {
                            outcome.complete(new Object[] {op, e, 0L});
                            return;
                        }
                        long start = System.nanoTime();
                        Throwable failure = run(client, op);
                        outcome.complete(new Object[] {op, failure, System.nanoTime() - start});
                    });
                    t.start();
                }
            }
            go.countDown();
            List<String> problems = new ArrayList<>();
            for (CompletableFuture<Object[]> outcome : outcomes) {
                Object[] o = outcome.get(callTimeout.multipliedBy(CALLERS + 2).toSeconds(), TimeUnit.SECONDS);
                Duration took = Duration.ofNanos((Long) o[2]);
                if (!(o[1] instanceof DcbTransportException)) {
                    problems.add(o[0] + ": " + o[1]);
                } else if (took.compareTo(callTimeout.multipliedBy(2)) >= 0) {
                    problems.add(o[0] + ": ended after " + took.toMillis() + " ms; call timeout " + callTimeout);
                }
            }
            for (int i = 0; i < ops.size(); i++) {
                if (servers.get(i).requests().size() != 1) {
                    problems.add(ops.get(i) + ": token requests " + servers.get(i).requests());
                }
            }
            assertThat(problems).isEmpty();
        } finally {
            clients.forEach(BillingProvider::close);
            servers.forEach(SilentServer::close);
        }
    }
}
