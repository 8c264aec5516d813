package io.dcb4j.benchmarks;

import io.dcb4j.centili.CentiliClient;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
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
 * A write with a JSON body, Centili {@code POST transactions/init} with a fresh
 * {@code Idempotency-Key} (random UUID) per call, SDK against hand-written OkHttp + Jackson.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CentiliStartTransactionBenchmark {

    /** Created by JMH for each trial. */
    public CentiliStartTransactionBenchmark() {
    }

    StubServer stub;
    CentiliClient sdk;
    OkHttpClient okHttp;
    HandWritten.CentiliOkHttp hand;
    Msisdn msisdn;
    /** Whether the SDK is given the baseline's OkHttp client: see {@link EklecticSubscriptionBenchmark}. */
    boolean sdkSharesPool;

    /** Starts the stub and builds every client; checks each answers correctly. */
    @Setup(Level.Trial)
    public void setUp() {
        stub = StubServer.start(0, 16);
        okHttp = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
        sdk = CentiliClient.builder().clientId("bench").username("merchant").password("pw")
                .tokenUrl(stub.baseUrl() + "/centili/token").baseUrl(stub.baseUrl() + "/centili/api")
                .options(ClientOptions.builder().allowInsecureHttp(true).okHttpClient(sdkSharesPool ? okHttp : null)
                        .build()).build();
        hand = new HandWritten.CentiliOkHttp(okHttp, stub.baseUrl() + "/centili/token",
                stub.baseUrl() + "/centili/api", "bench", "merchant", "pw");
        msisdn = Msisdn.of("381641234567");
        check(sdkStart());
        check(handStart());
    }

    private static void check(TransactionStart s) {
        if (!"tx-1001".equals(s.transactionId()) || !(s.action() instanceof TransactionAction.PinEntry)
                || s.idempotencyKey() == null) {
            throw new IllegalStateException("unexpected answer: " + s);
        }
    }

    /** Closes the clients and the stub. */
    @TearDown(Level.Trial)
    public void tearDown() {
        sdk.close();
        okHttp.dispatcher().executorService().shutdown();
        okHttp.connectionPool().evictAll();
        stub.close();
    }

    /**
     * dcb4j: the typed request, a generated idempotency key.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public TransactionStart sdkStart() {
        return sdk.startTransaction(StartTransactionRequest.builder("svc-gold")
                .userIdentifier(UserIdentifier.ofMsisdn(msisdn))
                .price(new BigDecimal("1.99"))
                .wap(false)
                .clientData(ClientData.of("user-42", "order-1001"))
                .build());
    }

    /**
     * Hand-written OkHttp + Jackson, same body, same headers, same record.
     *
     * @return the answer, consumed by JMH
     */
    @Benchmark
    public TransactionStart handStart() {
        return hand.start(msisdn.digits(), "svc-gold", "1.99", "user-42", "order-1001");
    }
}
