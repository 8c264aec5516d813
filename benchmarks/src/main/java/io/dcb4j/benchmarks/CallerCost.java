package io.dcb4j.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Cost per call on the calling thread: CPU time and bytes allocated, measured with the thread's own
 * counters, so that neither the in-process stub server (which JMH's {@code -prof gc} counts) nor other
 * processes competing for the two cores (which move JMH's wall-clock scores) get into the figure. OkHttp
 * runs a synchronous call entirely on the caller's thread, so for the SDK and the OkHttp baselines this is
 * the client's whole cost; {@code java.net.http} does its I/O on a selector thread, so its figures undercount.
 * For notification parsers, 1 / CPU time is the events per second one thread sustains.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.dcb4j.benchmarks.CallerCost [ROUNDS]
 * [parsers|http|observer]}; each round warms and measures every case, the best round (least CPU) is printed.
 * {@code observer} measures the Eklectic read with the no-op observer and with Micrometer's, interleaved.
 */
public final class CallerCost {

    private CallerCost() {
    }

    /**
     * Measures.
     *
     * @param args rounds (3 by default), then {@code parsers}, {@code http} or {@code observer} to measure only
     *     those cases
     * @throws Exception on setup failure
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        if (args.length > 1 && args[1].equals("observer")) {
            observer(rounds);
            return;
        }
        boolean parsersOnly = args.length > 1 && args[1].equals("parsers");
        boolean httpOnly = args.length > 1 && args[1].equals("http");
        EklecticSubscriptionBenchmark read = new EklecticSubscriptionBenchmark();
        CentiliStartTransactionBenchmark write = new CentiliStartTransactionBenchmark();
        NotificationParsingBenchmark parse = new NotificationParsingBenchmark();
        read.setUp();
        write.setUp();
        parse.setUp();
        Map<String, Supplier<Object>> http = new LinkedHashMap<>();
        http.put("eklectic (a) sdk typed", read::a_sdkTyped);
        http.put("eklectic (b) sdk neutral", read::b_sdkNeutral);
        http.put("eklectic (c) hand OkHttp", read::c_handOkHttp);
        http.put("eklectic (d) hand java.net.http", read::d_handJdkHttp);
        http.put("centili start sdk", write::sdkStart);
        http.put("centili start hand OkHttp", write::handStart);
        Map<String, Supplier<Object>> parsers = new LinkedHashMap<>();
        parsers.put("eklecticSub", parse::eklecticSub);
        parsers.put("eklecticSubPrebuilt", parse::eklecticSubPrebuilt);
        parsers.put("eklecticRenew", parse::eklecticRenew);
        parsers.put("infomediaCharge", parse::infomediaCharge);
        parsers.put("centiliPayment", parse::centiliPayment);
        parsers.put("b2mReturn", parse::b2mReturn);
        parsers.put("b2mUnsubscribe", parse::b2mUnsubscribe);
        parsers.put("eclipsePayment (JSON + HMAC)", parse::eclipsePayment);
        parsers.put("camaraPayment (CloudEvents JSON + bearer)", parse::camaraPayment);
        try {
            Map<String, long[]> best = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                if (!parsersOnly) {
                    http.forEach((name, call) -> keepBest(best, name, measure(call, 5_000, 10_000)));
                }
                if (!httpOnly) {
                    parsers.forEach((name, call) -> keepBest(best, name, measure(call, 200_000, 300_000)));
                }
            }
            System.out.printf("%-34s %14s %12s %18s%n", "case", "CPU us/op", "B/op", "ops per CPU-second");
            best.forEach((name, m) -> System.out.printf("%-34s %14.2f %12d %18.0f%n", name, m[0] / 1000.0, m[1],
                    1e9 / m[0]));
        } finally {
            read.tearDown();
            write.tearDown();
        }
    }

    /** The Eklectic read, typed and neutral, with the no-op observer and with Micrometer's, interleaved. */
    private static void observer(int rounds) {
        StubServer stub = StubServer.start(0, 16);
        try (io.dcb4j.eklectic.EklecticClient plain = ObserverOverheadBenchmark.client(stub,
                io.dcb4j.core.observe.DcbObserver.noop());
                io.dcb4j.eklectic.EklecticClient observed = ObserverOverheadBenchmark.client(stub,
                        ObserverOverheadBenchmark.micrometer())) {
            String id = EklecticSubscriptionBenchmark.ID;
            io.dcb4j.core.model.SubscriptionRef ref = io.dcb4j.core.model.SubscriptionRef.of(id);
            io.dcb4j.core.Subscriptions plainNeutral = plain.subscriptions().orElseThrow();
            io.dcb4j.core.Subscriptions observedNeutral = observed.subscriptions().orElseThrow();
            Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
            cases.put("typed, no-op observer", () -> plain.subscription(id));
            cases.put("typed, Micrometer observer", () -> observed.subscription(id));
            cases.put("neutral, no-op observer", () -> plainNeutral.status(ref));
            cases.put("neutral, Micrometer observer", () -> observedNeutral.status(ref));
            // the observing of one call alone, without HTTP: core's bookkeeping with an observer that does
            // nothing, then with Micrometer's observer and the meter handler without and with long task timers
            Map<String, Supplier<Object>> alone = new LinkedHashMap<>();
            io.dcb4j.core.observe.DcbObserver empty = new io.dcb4j.core.observe.DcbObserver() {
            };
            io.dcb4j.core.observe.DcbObserver noLtt = ObserverOverheadBenchmark.micrometer(false);
            io.dcb4j.core.observe.DcbObserver boot = ObserverOverheadBenchmark.micrometer(true);
            alone.put("alone: core, observer doing nothing", () -> ObserverOverheadBenchmark.observeCall(empty));
            alone.put("alone: Micrometer, meter handler", () -> ObserverOverheadBenchmark.observeCall(noLtt));
            alone.put("alone: Micrometer, + long task timer", () -> ObserverOverheadBenchmark.observeCall(boot));
            Map<String, long[]> best = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                cases.forEach((name, call) -> keepBest(best, name, measure(call, 5_000, 10_000)));
                alone.forEach((name, call) -> keepBest(best, name, measure(call, 200_000, 300_000)));
            }
            System.out.printf("%-34s %14s %12s%n", "case", "CPU us/op", "B/op");
            best.forEach((name, m) -> System.out.printf("%-34s %14.2f %12d%n", name, m[0] / 1000.0, m[1]));
        } finally {
            stub.close();
        }
    }

    private static void keepBest(Map<String, long[]> best, String name, long[] m) {
        best.merge(name, m, (a, b) -> a[0] <= b[0] ? a : b);
    }

    /** Returns {CPU ns per op, bytes per op} on this thread. */
    private static long[] measure(Supplier<Object> call, int warmup, int ops) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Object sink = null;
        for (int i = 0; i < warmup; i++) {
            sink = call.get();
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long mem0 = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ops; i++) {
            sink = call.get();
        }
        long mem1 = threads.getCurrentThreadAllocatedBytes();
        long cpu1 = threads.getCurrentThreadCpuTime();
        if (sink == null) {
            throw new IllegalStateException();
        }
        return new long[] {(cpu1 - cpu0) / ops, (mem1 - mem0) / ops};
    }
}
