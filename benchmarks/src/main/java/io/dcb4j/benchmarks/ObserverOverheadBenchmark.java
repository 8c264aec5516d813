package io.dcb4j.benchmarks;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.TokenEvent;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.Subscriber;
import io.dcb4j.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What observing costs per call: the Eklectic subscription read ({@code GET subscription/{id}}, cached token),
 * typed and neutral, with the no-op observer (the default) and with {@link MicrometerObserver} on a registry with
 * Micrometer's meter handler (timers and counters, what Spring Boot registers); and the observer's own work for
 * one call (an operation and a token cache hit) without HTTP. {@code CallerCost ... observer} reads the calling
 * thread's CPU time for the same cases.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ObserverOverheadBenchmark {

    /** Created by JMH for each trial. */
    public ObserverOverheadBenchmark() {
    }

    /** {@code noop}: the default observer; {@code micrometer}: Micrometer with its meter handler. */
    @Param({"noop", "micrometer"})
    public String observer;

    StubServer stub;
    EklecticClient typed;
    Subscriptions neutral;
    SubscriptionRef ref;
    DcbObserver dcbObserver;

    /** How the operation {@link #observe} reports ended. */
    static final OperationEvent OPERATION_END = new OperationEvent("eklectic", "subscription",
            OperationEvent.Outcome.SUCCESS, Optional.empty(), false, 1, 0, Duration.ofNanos(1), Optional.of("req-1"),
            Optional.empty());
    /** How the token request {@link #observe} reports ended. */
    static final TokenEvent TOKEN_HIT = new TokenEvent("eklectic", TokenEvent.Outcome.HIT, Optional.empty(),
            Duration.ofNanos(1), Optional.empty());

    /**
     * An observer on a registry with Micrometer's meter handler.
     *
     * @param longTaskTimers whether the handler keeps a long task timer per observation (Spring Boot's default)
     * @return the observer
     */
    static DcbObserver micrometer(boolean longTaskTimers) {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(longTaskTimers ? new DefaultMeterObservationHandler(meters)
                : new DefaultMeterObservationHandler(meters, DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        return MicrometerObserver.create(registry);
    }

    /**
     * Everything observing does for one call with a cached token, without HTTP: what the transport and the token
     * cache do (through core's internal scope classes, as they call them) and what the observer does.
     *
     * @param observer the observer
     * @return the operation's scope, closed
     */
    static Object observeCall(DcbObserver observer) {
        io.dcb4j.core.internal.OperationScope scope = io.dcb4j.core.internal.OperationScope.open(observer,
                "eklectic", "subscription");
        io.dcb4j.core.internal.TokenObservation.start(observer, "eklectic").end(null);
        scope.attempt();
        scope.answered("req-1");
        scope.close(null);
        return scope;
    }

    /**
     * What an observer is told for one call with a cached token: an operation with a token cache hit inside it.
     *
     * @param observer the observer
     * @return the operation's end
     */
    static OperationEvent observe(DcbObserver observer) {
        Completion<OperationEvent> operation = observer.operationStarted("eklectic", "subscription");
        observer.tokenCacheHit(TOKEN_HIT);
        operation.completed(OPERATION_END);
        return OPERATION_END;
    }

    /**
     * An observer on a registry with Micrometer's meter handler, as Spring Boot sets one up.
     *
     * @return the observer
     */
    static DcbObserver micrometer() {
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return MicrometerObserver.create(registry);
    }

    /**
     * An Eklectic client of the stub with the observer.
     *
     * @param stub the stub
     * @param observer the observer
     * @return the client, its token cache warm
     */
    static EklecticClient client(StubServer stub, DcbObserver observer) {
        return client(stub, observer, null);
    }

    /**
     * An Eklectic client of the stub with the observer, on an OkHttp client (a connection pool) of the caller's.
     *
     * @param stub the stub
     * @param observer the observer
     * @param okHttp the OkHttp client, or null for the client's own
     * @return the client, its token cache warm
     */
    static EklecticClient client(StubServer stub, DcbObserver observer, okhttp3.OkHttpClient okHttp) {
        EklecticClient client = EklecticClient.builder().clientId("bench-client").clientSecret("bench-secret")
                .baseUrl(stub.baseUrl() + "/eklectic")
                .options(ClientOptions.builder().allowInsecureHttp(true).observer(observer).okHttpClient(okHttp)
                        .build())
                .build();
        Subscriber s = client.subscription(EklecticSubscriptionBenchmark.ID);
        if (!EklecticSubscriptionBenchmark.ID.equals(s.id())) {
            throw new IllegalStateException("unexpected answer: " + s);
        }
        return client;
    }

    /** Starts the stub and builds the client with the observer of {@link #observer}. */
    @Setup(Level.Trial)
    public void setUp() {
        stub = StubServer.start(0, 16);
        dcbObserver = observer.equals("noop") ? DcbObserver.noop() : micrometer();
        typed = client(stub, dcbObserver);
        neutral = typed.subscriptions().orElseThrow();
        ref = SubscriptionRef.of(EklecticSubscriptionBenchmark.ID);
    }

    /** Closes the client and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() {
        typed.close();
        stub.close();
    }

    /**
     * The typed read.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public Subscriber typedRead() {
        return typed.subscription(EklecticSubscriptionBenchmark.ID);
    }

    /**
     * The neutral read.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public SubscriptionInfo neutralRead() {
        return neutral.status(ref);
    }

    /**
     * The observer's work for one call, without HTTP: an operation with a token request (a hit) inside it.
     *
     * @return the operation's end, consumed by JMH
     */
    @Benchmark
    public OperationEvent observerOnly() {
        return observe(dcbObserver);
    }
}
