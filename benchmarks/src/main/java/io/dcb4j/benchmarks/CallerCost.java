package io.dcb4j.benchmarks;

import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.eklectic.EklecticClient;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The performance targets, checked with one command: cost per call on the calling thread (CPU time and bytes
 * allocated, read from the thread's own counters), so that neither the in-process stub server (which JMH's
 * {@code -prof gc} counts) nor other processes competing for the cores (which move wall-clock scores) get into
 * the figures. OkHttp runs a synchronous call entirely on the caller's thread, so for the SDK and the OkHttp
 * baselines this is the client's whole cost; {@code java.net.http} does its I/O on a selector thread, so its
 * figures undercount (reported, not compared). For notification parsers, 1 / CPU time is the events per second
 * one thread sustains.
 *
 * <p>How the ratios are kept stable on a loaded machine: the cases compared with each other are measured in the
 * same run, in rounds (101 by default); each round measures every case of the group for one short block of calls
 * (200 HTTP calls, some milliseconds), in an order that rotates from round to round, so that each case is
 * measured right beside its baseline, as often first as last. A ratio is the median over the rounds of the ratio
 * within the round, so that a change of load between rounds moves both sides of a ratio and a disturbed round
 * does not count; its quartiles are printed ({@code cpu_ratio_q1}, {@code cpu_ratio_q3}). A figure per case is
 * the median over the rounds. Most of a call's CPU time is the kernel's work in the socket calls, which is the
 * same for both sides when both send the same request: they do (the same headers, body and answer; only the
 * {@code User-Agent} text differs, by 8 bytes), and all HTTP variants share one OkHttp connection pool, so that
 * with one caller they use the same socket (two identical clients on two connections differed by up to 7 % in
 * CPU per call; the SDK's per-call code is the same on a pool of the caller's). The user-mode part of the CPU
 * time is printed as {@code user_us}, a mean, since the OS counts it in ticks of 10 ms.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.dcb4j.benchmarks.CallerCost [ROUNDS] [MODE]},
 * MODE one of {@code all} (the default), {@code http}, {@code parsers}, {@code observer}, {@code journal}. It
 * prints one line per case, {@code case=... cpu_us=... bytes=... ops_per_cpu_s=...} with the baseline, ratio,
 * target and {@code met=true|false} where the case has a target, then a table for people, and exits with status
 * 1 when a target is missed (2 on a usage error).
 */
public final class CallerCost {

    /** The ratio a call may cost over its baseline, CPU and bytes. */
    static final double CALL_RATIO = 1.05;
    /** The CPU ratio the Micrometer observer may add. */
    static final double OBSERVER_RATIO = 1.03;
    /** Events per CPU-second each query-string callback parser must reach. */
    static final double QUERY_PARSER_OPS = 500_000;
    /** Events per CPU-second the Eclipse VAS parser (JSON body and HMAC) must reach. */
    static final double JSON_HMAC_PARSER_OPS = 200_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private CallerCost() {
    }

    /** A measured case: what it calls and, when it is checked, against what. */
    private static final class Case {
        final String id;
        final Supplier<Object> call;
        final String baseline;
        final double maxRatio;
        final boolean checkBytes;
        final double minOpsPerCpuSecond;
        final List<double[]> samples = new ArrayList<>();

        private Case(String id, Supplier<Object> call, String baseline, double maxRatio, boolean checkBytes,
                double minOpsPerCpuSecond) {
            this.id = id;
            this.call = call;
            this.baseline = baseline;
            this.maxRatio = maxRatio;
            this.checkBytes = checkBytes;
            this.minOpsPerCpuSecond = minOpsPerCpuSecond;
        }

        static Case reported(String id, Supplier<Object> call) {
            return new Case(id, call, null, 0, false, 0);
        }

        static Case against(String id, Supplier<Object> call, String baseline, double maxRatio, boolean bytes) {
            return new Case(id, call, baseline, maxRatio, bytes, 0);
        }

        static Case comparedTo(String id, Supplier<Object> call, String baseline) {
            return new Case(id, call, baseline, 0, false, 0);
        }

        static Case atLeast(String id, Supplier<Object> call, double opsPerCpuSecond) {
            return new Case(id, call, null, 0, false, opsPerCpuSecond);
        }

        double median(int field) {
            double[] v = samples.stream().mapToDouble(s -> s[field]).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }

        double min(int field) {
            return samples.stream().mapToDouble(s -> s[field]).min().orElse(Double.NaN);
        }

        /** The mean over the rounds: for the user-mode time, which the OS counts in ticks of 10 ms. */
        double mean(int field) {
            return samples.stream().mapToDouble(s -> s[field]).average().orElse(Double.NaN);
        }
    }

    private static final int CPU = 0;
    private static final int USER = 1;
    private static final int BYTES = 2;

    /** Cases measured together, interleaved. */
    private record Group(String name, List<Case> cases, int warmup, int block) {
    }

    /**
     * Measures and checks.
     *
     * @param args rounds (101 by default), then the mode ({@code all} by default)
     * @throws Exception on setup failure
     */
    public static void main(String[] args) throws Exception {
        int rounds;
        String mode;
        try {
            rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
            mode = args.length > 1 ? args[1] : "all";
            if (rounds < 1 || !List.of("all", "http", "parsers", "observer", "journal").contains(mode)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            System.err.println("usage: CallerCost [ROUNDS] [all|http|parsers|observer|journal]");
            System.exit(2);
            return;
        }
        System.out.printf(Locale.ROOT, "# CallerCost rounds=%d mode=%s cores=%d load_average=%.2f java=%s%n", rounds,
                mode, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.vm.version"));
        List<String> missed = new ArrayList<>();
        int checked = 0;
        List<Case> all = new ArrayList<>();
        boolean every = mode.equals("all");
        if (every || mode.equals("http")) {
            checked += http(rounds, all, missed);
        }
        if (every || mode.equals("observer")) {
            checked += observer(rounds, all, missed);
        }
        if (every || mode.equals("parsers")) {
            checked += parsers(rounds, all, missed);
        }
        if (every || mode.equals("journal")) {
            journal(rounds, all);
        }
        table(all);
        System.out.printf(Locale.ROOT, "# load_average=%.2f at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (missed.isEmpty()) {
            System.out.println("targets: " + checked + " checked, all met");
        } else {
            System.out.println("targets: " + checked + " checked, " + missed.size() + " missed: "
                    + String.join(", ", missed));
            System.exit(1);
        }
    }

    /** The Eklectic read and the Centili keyed write, SDK against the hand-written baselines. */
    private static int http(int rounds, List<Case> all, List<String> missed) {
        EklecticSubscriptionBenchmark read = new EklecticSubscriptionBenchmark();
        CentiliStartTransactionBenchmark write = new CentiliStartTransactionBenchmark();
        read.sdkSharesPool = true;
        write.sdkSharesPool = true;
        read.setUp();
        write.setUp();
        try {
            Group eklectic = new Group("eklectic read", List.of(
                    Case.reported("eklectic.read.hand_okhttp", read::c_handOkHttp),
                    Case.against("eklectic.read.typed", read::a_sdkTyped, "eklectic.read.hand_okhttp", CALL_RATIO,
                            true),
                    Case.against("eklectic.read.neutral", read::b_sdkNeutral, "eklectic.read.typed", CALL_RATIO,
                            true),
                    Case.reported("eklectic.read.hand_jdk_http", read::d_handJdkHttp)), 20_000, 200);
            Group centili = new Group("centili start", List.of(
                    Case.reported("centili.start.hand_okhttp", write::handStart),
                    Case.against("centili.start.sdk", write::sdkStart, "centili.start.hand_okhttp", CALL_RATIO,
                            true)), 20_000, 200);
            return run(eklectic, rounds, all, missed) + run(centili, rounds, all, missed);
        } finally {
            read.tearDown();
            write.tearDown();
        }
    }

    /**
     * The Eklectic read, typed and neutral, with the no-op observer and with {@code MicrometerObserver} on a
     * registry with Micrometer's meter handler (timers and counters: the target), and with its long task timers
     * as well (Spring Boot's default: reported); and the observing of one call alone, without HTTP.
     */
    private static int observer(int rounds, List<Case> all, List<String> missed) {
        StubServer stub = StubServer.start(0, 16);
        // one connection pool: with one caller every client's calls go over the same socket
        okhttp3.OkHttpClient pool = new okhttp3.OkHttpClient();
        try (EklecticClient plain = ObserverOverheadBenchmark.client(stub, DcbObserver.noop(), pool);
                EklecticClient meters = ObserverOverheadBenchmark.client(stub,
                        ObserverOverheadBenchmark.micrometer(false), pool);
                EklecticClient boot = ObserverOverheadBenchmark.client(stub,
                        ObserverOverheadBenchmark.micrometer(true), pool)) {
            String id = EklecticSubscriptionBenchmark.ID;
            SubscriptionRef ref = SubscriptionRef.of(id);
            Subscriptions plainNeutral = plain.subscriptions().orElseThrow();
            Subscriptions metersNeutral = meters.subscriptions().orElseThrow();
            DcbObserver empty = new DcbObserver() {
            };
            DcbObserver noLtt = ObserverOverheadBenchmark.micrometer(false);
            DcbObserver withLtt = ObserverOverheadBenchmark.micrometer(true);
            // each comparison its own pair of cases, so that a case is measured right beside its baseline
            Group typed = new Group("observer, typed", List.of(
                    Case.reported("observer.noop.typed", () -> plain.subscription(id)),
                    Case.against("observer.micrometer.typed", () -> meters.subscription(id), "observer.noop.typed",
                            OBSERVER_RATIO, false)), 20_000, 200);
            Group neutral = new Group("observer, neutral", List.of(
                    Case.reported("observer.noop.neutral", () -> plainNeutral.status(ref)),
                    Case.against("observer.micrometer.neutral", () -> metersNeutral.status(ref),
                            "observer.noop.neutral", OBSERVER_RATIO, false)), 20_000, 200);
            Group longTaskTimers = new Group("observer, long task timers", List.of(
                    Case.reported("observer.noop.typed_beside_ltt", () -> plain.subscription(id)),
                    Case.comparedTo("observer.micrometer_ltt.typed", () -> boot.subscription(id),
                            "observer.noop.typed_beside_ltt")), 20_000, 200);
            Group alone = new Group("observing alone", List.of(
                    Case.reported("observer.alone.core_only", () -> ObserverOverheadBenchmark.observeCall(empty)),
                    Case.reported("observer.alone.micrometer",
                            () -> ObserverOverheadBenchmark.observeCall(noLtt)),
                    Case.reported("observer.alone.micrometer_ltt",
                            () -> ObserverOverheadBenchmark.observeCall(withLtt))), 200_000, 20_000);
            return run(typed, rounds, all, missed) + run(neutral, rounds, all, missed)
                    + run(longTaskTimers, rounds, all, missed) + run(alone, rounds, all, missed);
        } finally {
            pool.dispatcher().executorService().shutdown();
            pool.connectionPool().evictAll();
            stub.close();
        }
    }

    /** Each provider's callback, from the raw URL (or body and headers) to a BillingEvent, authenticity check on. */
    private static int parsers(int rounds, List<Case> all, List<String> missed) throws Exception {
        NotificationParsingBenchmark parse = new NotificationParsingBenchmark();
        parse.setUp();
        Group parsers = new Group("parsers", List.of(
                Case.atLeast("parse.eklectic.sub", parse::eklecticSub, QUERY_PARSER_OPS),
                Case.atLeast("parse.eklectic.renew", parse::eklecticRenew, QUERY_PARSER_OPS),
                Case.atLeast("parse.infomedia.charge", parse::infomediaCharge, QUERY_PARSER_OPS),
                Case.atLeast("parse.centili.payment", parse::centiliPayment, QUERY_PARSER_OPS),
                Case.atLeast("parse.b2m.return", parse::b2mReturn, QUERY_PARSER_OPS),
                Case.atLeast("parse.b2m.unsubscribe", parse::b2mUnsubscribe, QUERY_PARSER_OPS),
                Case.atLeast("parse.eclipse.payment", parse::eclipsePayment, JSON_HMAC_PARSER_OPS),
                Case.atLeast("parse.camara.payment", parse::camaraPayment, QUERY_PARSER_OPS),
                Case.reported("parse.eklectic.sub_prebuilt", parse::eklecticSubPrebuilt)), 200_000, 10_000);
        return run(parsers, rounds, all, missed);
    }

    /**
     * A neutral charge with no journal, the in-memory journal and the JDBC journal on an embedded PostgreSQL (the
     * provider answers in-process): the median latency each journal adds per charge. Reported, no target.
     */
    private static void journal(int rounds, List<Case> all) throws Exception {
        FleetStoreBenchmark fleet = new FleetStoreBenchmark();
        fleet.setUp();
        try {
            List<Case> cases = List.of(
                    Case.reported("journal.none.charge", fleet::chargeNoJournal),
                    Case.reported("journal.in_memory.charge", fleet::chargeInMemoryJournal),
                    Case.reported("journal.postgres.charge", fleet::chargeJdbcJournal));
            int block = 200;
            long[][] latencies = new long[cases.size()][rounds * block];
            for (Case c : cases) {
                measure(c.call, 2_000);
            }
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < cases.size(); k++) {
                    int i = (k + r) % cases.size();
                    Case c = cases.get(i);
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long user0 = THREADS.getCurrentThreadUserTime();
                    long mem0 = THREADS.getCurrentThreadAllocatedBytes();
                    for (int n = 0; n < block; n++) {
                        long t0 = System.nanoTime();
                        Object result = c.call.get();
                        latencies[i][r * block + n] = System.nanoTime() - t0;
                        if (result == null) {
                            throw new IllegalStateException(c.id);
                        }
                    }
                    long mem1 = THREADS.getCurrentThreadAllocatedBytes();
                    long user1 = THREADS.getCurrentThreadUserTime();
                    long cpu1 = THREADS.getCurrentThreadCpuTime();
                    c.samples.add(new double[] {(cpu1 - cpu0) / (double) block, (user1 - user0) / (double) block,
                            (mem1 - mem0) / (double) block});
                }
            }
            double[] medians = new double[cases.size()];
            for (int i = 0; i < cases.size(); i++) {
                long[] l = latencies[i].clone();
                Arrays.sort(l);
                medians[i] = l[l.length / 2] / 1000.0;
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                long[] l = latencies[i].clone();
                Arrays.sort(l);
                System.out.println(line(c) + String.format(Locale.ROOT,
                        " latency_median_us=%.1f latency_p99_us=%.1f added_median_us=%.1f reported", medians[i],
                        l[(int) (l.length * 0.99)] / 1000.0, medians[i] - medians[0]));
            }
            all.addAll(cases);
        } finally {
            fleet.tearDown();
        }
    }

    /** Warms every case, measures the group in rotating rounds, prints a line per case; returns targets checked. */
    private static int run(Group group, int rounds, List<Case> all, List<String> missed) {
        for (Case c : group.cases) {
            measure(c.call, group.warmup);
        }
        int n = group.cases.size();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                Case c = group.cases.get((k + r) % n);
                c.samples.add(measure(c.call, group.block));
            }
        }
        Map<String, Case> byId = new LinkedHashMap<>();
        group.cases.forEach(c -> byId.put(c.id, c));
        int checked = 0;
        for (Case c : group.cases) {
            StringBuilder sb = new StringBuilder(line(c));
            if (c.baseline != null && c.maxRatio == 0) {
                Case base = byId.get(c.baseline);
                double[] cpuRatios = pairedRatios(c, base, CPU);
                sb.append(String.format(Locale.ROOT,
                        " baseline=%s cpu_ratio=%.3f cpu_ratio_q1=%.3f cpu_ratio_q3=%.3f bytes_ratio=%.3f reported",
                        base.id, quantile(cpuRatios, 0.5), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75),
                        quantile(pairedRatios(c, base, BYTES), 0.5)));
            } else if (c.baseline != null) {
                Case base = byId.get(c.baseline);
                double[] cpuRatios = pairedRatios(c, base, CPU);
                double cpuRatio = quantile(cpuRatios, 0.5);
                double bytesRatio = quantile(pairedRatios(c, base, BYTES), 0.5);
                boolean met = cpuRatio <= c.maxRatio && (!c.checkBytes || bytesRatio <= c.maxRatio);
                sb.append(String.format(Locale.ROOT,
                        " baseline=%s cpu_ratio=%.3f cpu_ratio_q1=%.3f cpu_ratio_q3=%.3f bytes_ratio=%.3f"
                                + " target=%s<=%.2f met=%s",
                        base.id, cpuRatio, quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75), bytesRatio,
                        c.checkBytes ? "cpu_and_bytes_ratio" : "cpu_ratio", c.maxRatio, met));
                checked++;
                if (!met) {
                    missed.add(c.id);
                }
            } else if (c.minOpsPerCpuSecond > 0) {
                double ops = 1e9 / c.median(CPU);
                boolean met = ops >= c.minOpsPerCpuSecond;
                sb.append(String.format(Locale.ROOT, " target=ops_per_cpu_s>=%.0f met=%s", c.minOpsPerCpuSecond,
                        met));
                checked++;
                if (!met) {
                    missed.add(c.id);
                }
            } else {
                sb.append(" reported");
            }
            System.out.println(sb);
        }
        all.addAll(group.cases);
        return checked;
    }

    /** The machine-readable figures of a case: medians over the rounds. */
    private static String line(Case c) {
        double cpu = c.median(CPU);
        return String.format(Locale.ROOT, "case=%s cpu_us=%.3f user_us=%.3f bytes=%.0f ops_per_cpu_s=%.0f "
                + "cpu_us_min=%.3f rounds=%d", c.id, cpu / 1000, c.mean(USER) / 1000, c.median(BYTES), 1e9 / cpu,
                c.min(CPU) / 1000, c.samples.size());
    }

    /** The ratio of {@code c} to {@code base} within each round, sorted. */
    private static double[] pairedRatios(Case c, Case base, int field) {
        int n = Math.min(c.samples.size(), base.samples.size());
        double[] ratios = new double[n];
        for (int r = 0; r < n; r++) {
            ratios[r] = c.samples.get(r)[field] / base.samples.get(r)[field];
        }
        Arrays.sort(ratios);
        return ratios;
    }

    /** A quantile of sorted values, interpolated; the median for 0.5. */
    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static void table(List<Case> all) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-34s %10s %10s %10s %12s %16s%n", "case", "CPU us/op", "user us", "min CPU",
                "B/op", "ops per CPU-s");
        for (Case c : all) {
            double cpu = c.median(CPU);
            System.out.printf(Locale.ROOT, "%-34s %10.2f %10.2f %10.2f %12.0f %16.0f%n", c.id, cpu / 1000,
                    c.mean(USER) / 1000, c.min(CPU) / 1000, c.median(BYTES), 1e9 / cpu);
        }
        System.out.println("(CPU and bytes: medians over the rounds; user: the user-mode part of the CPU time, mean"
                + " over the rounds; min CPU: the least disturbed round)");
    }

    /** Returns {CPU ns, user ns, bytes} per op on this thread. */
    private static double[] measure(Supplier<Object> call, int ops) {
        Object sink = null;
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long user0 = THREADS.getCurrentThreadUserTime();
        long mem0 = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ops; i++) {
            sink = call.get();
        }
        long mem1 = THREADS.getCurrentThreadAllocatedBytes();
        long user1 = THREADS.getCurrentThreadUserTime();
        long cpu1 = THREADS.getCurrentThreadCpuTime();
        if (sink == null) {
            throw new IllegalStateException("a case returned null");
        }
        return new double[] {(cpu1 - cpu0) / (double) ops, (user1 - user0) / (double) ops,
                (mem1 - mem0) / (double) ops};
    }
}
