package io.dcb4j.benchmarks;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.Subscriber;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Eklectic subscription details ({@code GET subscription/{id}}, cached token)
 * through (a) the typed client, (b) the neutral API, (c) hand-written OkHttp + Jackson, (d) hand-written
 * {@code java.net.http}; all four against one stub on loopback. Run with {@code -t 1}, {@code -t 16},
 * {@code -t 64} for the concurrency levels and with {@code -prof gc} for allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class EklecticSubscriptionBenchmark {

    /** Created by JMH for each trial. */
    public EklecticSubscriptionBenchmark() {
    }

    static final String ID = "23939206";

    StubServer stub;
    EklecticClient typed;
    Subscriptions neutral;
    OkHttpClient okHttp;
    HttpClient jdkHttp;
    HandWritten.EklecticOkHttp handOkHttp;
    HandWritten.EklecticJdk handJdk;
    SubscriptionRef ref;
    /**
     * Whether the SDK is given the baselines' OkHttp client (its connection pool), so that with one caller every
     * variant's calls go over the same socket: {@link CallerCost} sets it, since two identical clients on two
     * connections differ in CPU per call by up to 7 %. The SDK's per-call code is the same either way.
     */
    boolean sdkSharesPool;

    /** Starts the stub and builds every client; checks each answers correctly. */
    @Setup(Level.Trial)
    public void setUp() {
        stub = StubServer.start(0, 16);
        String base = stub.baseUrl() + "/eklectic";
        // what a careful engineer configures: one client, a pool large enough for the callers, same timeouts
        okHttp = new OkHttpClient.Builder()
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30))
                .build();
        typed = EklecticClient.builder().clientId("bench-client").clientSecret("bench-secret").baseUrl(base)
                .options(ClientOptions.builder().allowInsecureHttp(true).okHttpClient(sdkSharesPool ? okHttp : null)
                        .build())
                .build();
        BillingProvider provider = typed;
        neutral = provider.subscriptions().orElseThrow();
        ref = SubscriptionRef.of(ID);
        handOkHttp = new HandWritten.EklecticOkHttp(okHttp, base, "bench-client", "bench-secret");
        jdkHttp = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        handJdk = new HandWritten.EklecticJdk(jdkHttp, base, "bench-client", "bench-secret");
        // warm every token cache: this benchmark measures the read, not the token
        check(typed.subscription(ID));
        check(handOkHttp.subscription(ID));
        check(handJdk.subscription(ID));
        SubscriptionInfo info = neutral.status(ref);
        if (!ID.equals(info.subscription().id())) {
            throw new IllegalStateException("neutral status read the wrong id: " + info);
        }
    }

    private static void check(Subscriber s) {
        if (!ID.equals(s.id()) || s.expiresAt() == null) {
            throw new IllegalStateException("unexpected answer: " + s);
        }
    }

    /** Closes the clients and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() {
        typed.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        stub.close();
    }

    /**
     * (a) dcb4j typed client.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public Subscriber a_sdkTyped() {
        return typed.subscription(ID);
    }

    /**
     * (b) dcb4j neutral API.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public SubscriptionInfo b_sdkNeutral() {
        return neutral.status(ref);
    }

    /**
     * (c) hand-written OkHttp + Jackson into the same record.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public Subscriber c_handOkHttp() {
        return handOkHttp.subscription(ID);
    }

    /**
     * (d) hand-written java.net.http + Jackson into the same record.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public Subscriber d_handJdkHttp() {
        return handJdk.subscription(ID);
    }
}
