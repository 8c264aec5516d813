package io.dcb4j.benchmarks;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.Subscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
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
 * Token single flight. Each invocation builds a cold Eklectic client (no token cached),
 * parks {@code callers} threads on a latch, releases them at once to call {@code subscription(id)} and
 * times until all have their answer. The stub counts token requests: any count other than exactly one
 * fails the run. The token endpoint answers after {@code tokenDelayMs}, like a real OAuth server, so that
 * the callers really pile up behind the one refresh.
 *
 * <p>The clients share one OkHttp connection pool (passed through {@code ClientOptions.okHttpClient}), so
 * that 1,000 sockets are not opened and left in TIME_WAIT at every invocation: "cold" is about the token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TokenSingleFlightBenchmark {

    /** Created by JMH for each trial. */
    public TokenSingleFlightBenchmark() {
    }

    @Param("1000")
    int callers;

    @Param("20")
    long tokenDelayMs;

    StubServer stub;
    OkHttpClient shared;
    EklecticClient client;
    List<Thread> threads;
    CountDownLatch start;
    CountDownLatch done;
    AtomicInteger ok;
    AtomicReference<Throwable> failure;

    /** Starts the stub with a slow token endpoint and the shared pool. */
    @Setup(Level.Trial)
    public void setUpTrial() {
        stub = StubServer.start(0, 32);
        stub.tokenDelayMillis(tokenDelayMs);
        shared = new OkHttpClient.Builder().connectionPool(new ConnectionPool(callers, 5, TimeUnit.MINUTES)).build();
    }

    /** A cold client and the callers, parked on the start latch. */
    @Setup(Level.Invocation)
    public void setUpInvocation() {
        stub.resetCounters();
        client = EklecticClient.builder().clientId("bench-client").clientSecret("bench-secret")
                .baseUrl(stub.baseUrl() + "/eklectic")
                .options(ClientOptions.builder().allowInsecureHttp(true).okHttpClient(shared).build())
                .build();
        start = new CountDownLatch(1);
        done = new CountDownLatch(callers);
        ok = new AtomicInteger();
        failure = new AtomicReference<>();
        threads = new ArrayList<>(callers);
        for (int i = 0; i < callers; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    Subscriber s = client.subscription(EklecticSubscriptionBenchmark.ID);
                    if (s != null) {
                        ok.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }, "caller-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
    }

    /**
     * Releases all callers and waits for every answer.
     *
     * @return answers received
     * @throws InterruptedException never in practice
     */
    @Benchmark
    public int serveAllFromColdClient() throws InterruptedException {
        start.countDown();
        if (!done.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("callers still waiting after 60 s");
        }
        return ok.get();
    }

    /**
     * Checks exactly one token request was made and every caller got its answer.
     *
     * @throws InterruptedException never in practice
     */
    @TearDown(Level.Invocation)
    public void tearDownInvocation() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
        client.close();
        long tokenRequests = stub.eklecticTokenRequests();
        System.out.println("single flight: " + callers + " callers, " + ok.get() + " answers, " + tokenRequests
                + " token request(s)");
        if (failure.get() != null) {
            throw new IllegalStateException("a caller failed", failure.get());
        }
        if (tokenRequests != 1 || ok.get() != callers) {
            throw new IllegalStateException("expected exactly 1 token request and " + callers + " answers, got "
                    + tokenRequests + " and " + ok.get());
        }
    }

    /** Stops the stub. */
    @TearDown(Level.Trial)
    public void tearDownTrial() {
        shared.dispatcher().executorService().shutdown();
        shared.connectionPool().evictAll();
        stub.close();
    }
}
