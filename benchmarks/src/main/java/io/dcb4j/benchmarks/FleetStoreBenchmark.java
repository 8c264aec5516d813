package io.dcb4j.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.Journaling;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventClaim;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.spi.JournalReferences;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenStore;
import io.dcb4j.store.jdbc.JdbcChargeJournal;
import io.dcb4j.store.jdbc.JdbcEventDeduplicator;
import io.dcb4j.store.jdbc.JdbcStores;
import io.dcb4j.store.jdbc.JdbcTokenStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * What sharing state on PostgreSQL costs, against the in-memory implementations in the same run, on a real
 * PostgreSQL started in this JVM (or the one named by {@code DCB4J_BENCH_POSTGRES_URL}), each "instance" with
 * its own pool of 8 connections:
 * <ul>
 *   <li>{@code charge*}: a charge through the neutral API with no journal, the in-memory journal and the JDBC
 *       journal (the provider answers in-process, so the difference is the journal's own cost per charge:
 *       intent and outcome);</li>
 *   <li>{@code tokenRead*}: reading the token from the store, as every provider call does;</li>
 *   <li>{@code claim*}: claiming and completing a new callback, alternating between two instances.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FleetStoreBenchmark {

    /** Created by JMH for each trial. */
    public FleetStoreBenchmark() {
    }

    private final AtomicLong ids = new AtomicLong();
    private EmbeddedPostgres postgres;
    private HikariDataSource poolA;
    private HikariDataSource poolB;
    private BillingProvider plain;
    private BillingProvider inMemoryJournal;
    private BillingProvider jdbcJournal;
    private TokenStore memoryTokens;
    private TokenStore jdbcTokens;
    private EventDeduplicator memoryClaims;
    private EventDeduplicator jdbcClaimsA;
    private EventDeduplicator jdbcClaimsB;
    private final Msisdn msisdn = Msisdn.of("21650123456");

    /**
     * Starts the database, creates the schema and the stores.
     *
     * @throws IOException when the embedded server cannot start
     */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String url = System.getenv("DCB4J_BENCH_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            postgres = EmbeddedPostgres.builder().start();
            url = postgres.getJdbcUrl("postgres", "postgres");
        }
        poolA = pool(url);
        poolB = pool(url);
        JdbcStores.createSchema(poolA);
        plain = new InProcessProvider();
        inMemoryJournal = Journaling.wrap(plain, ChargeJournal.inMemory(), Clock.systemUTC(), JournalReferences.NONE);
        jdbcJournal = Journaling.wrap(plain, JdbcChargeJournal.create(poolA), Clock.systemUTC(),
                JournalReferences.NONE);
        memoryTokens = TokenStore.inMemory();
        jdbcTokens = JdbcTokenStore.builder(poolA).encryptionKey(new byte[32]).build();
        AccessToken token = AccessToken.bearer("bench-token", Instant.now(), Duration.ofHours(1));
        memoryTokens.put("bench", token);
        jdbcTokens.put("bench", token);
        memoryClaims = EventDeduplicator.inMemory(1_000_000, Duration.ofDays(7));
        jdbcClaimsA = JdbcEventDeduplicator.create(poolA);
        jdbcClaimsB = JdbcEventDeduplicator.create(poolB);
    }

    private static HikariDataSource pool(String url) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(8);
        return new HikariDataSource(c);
    }

    /** Closes the pools and the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        poolA.close();
        poolB.close();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private ChargeRequest charge() {
        return ChargeRequest.builder(Money.of("1.00", "TND")).msisdn(msisdn)
                .idempotencyKey("bench-" + ids.incrementAndGet()).build();
    }

    /**
     * A charge without a journal.
     *
     * @return the result
     */
    @Benchmark
    public ChargeResult chargeNoJournal() {
        return plain.charges().orElseThrow().charge(charge());
    }

    /**
     * A charge with the in-memory journal.
     *
     * @return the result
     */
    @Benchmark
    public ChargeResult chargeInMemoryJournal() {
        return inMemoryJournal.charges().orElseThrow().charge(charge());
    }

    /**
     * A charge with the JDBC journal: an intent insert and an outcome update.
     *
     * @return the result
     */
    @Benchmark
    public ChargeResult chargeJdbcJournal() {
        return jdbcJournal.charges().orElseThrow().charge(charge());
    }

    /**
     * Reading the token from memory.
     *
     * @return the token
     */
    @Benchmark
    public Optional<AccessToken> tokenReadInMemory() {
        return memoryTokens.get("bench");
    }

    /**
     * Reading the token from the database (and opening it).
     *
     * @return the token
     */
    @Benchmark
    public Optional<AccessToken> tokenReadJdbc() {
        return jdbcTokens.get("bench");
    }

    /**
     * Claiming and completing a new callback in memory.
     *
     * @return whether it was claimed
     */
    @Benchmark
    public boolean claimInMemory() {
        return claimAndComplete(memoryClaims);
    }

    /**
     * Claiming and completing a new callback in the database, alternating between two instances.
     *
     * @return whether it was claimed
     */
    @Benchmark
    public boolean claimJdbcTwoInstances() {
        return claimAndComplete(ids.get() % 2 == 0 ? jdbcClaimsA : jdbcClaimsB);
    }

    private boolean claimAndComplete(EventDeduplicator dedup) {
        BillingEvent event = BillingEvent.builder("bench", BillingEvent.Type.CHARGED, "e-" + ids.incrementAndGet())
                .build();
        Optional<EventClaim> claim = dedup.claim(event, Duration.ofMinutes(5));
        return claim.isPresent() && claim.get().complete();
    }

    /** A provider that answers in-process: the benchmark measures dcb4j's side only. */
    private static final class InProcessProvider implements BillingProvider {
        private final Charges charges = new Charges() {
            @Override
            public ChargeResult charge(ChargeRequest request) {
                return new ChargeResult(ChargeRef.of(request.idempotencyKey()), ChargeState.SUCCEEDED, "OK",
                        request.amount(), NextAction.none(), null, Map.of());
            }

            @Override
            public ChargeResult status(ChargeRef charge) {
                return new ChargeResult(charge, ChargeState.SUCCEEDED, "OK", null, NextAction.none(), null, Map.of());
            }
        };

        @Override
        public String id() {
            return "bench";
        }

        @Override
        public Set<Capability> capabilities() {
            return Set.of(Capability.ONE_OFF_CHARGE, Capability.CHARGE_STATUS);
        }

        @Override
        public Optional<PinSubscriptions> pinSubscriptions() {
            return Optional.empty();
        }

        @Override
        public Optional<Charges> charges() {
            return Optional.of(charges);
        }

        @Override
        public Optional<ChargeConfirmations> chargeConfirmations() {
            return Optional.empty();
        }

        @Override
        public Optional<ChargeCancellations> chargeCancellations() {
            return Optional.empty();
        }

        @Override
        public Optional<Refunds> refunds() {
            return Optional.empty();
        }

        @Override
        public Optional<Subscriptions> subscriptions() {
            return Optional.empty();
        }

        @Override
        public Optional<Cancellations> cancellations() {
            return Optional.empty();
        }

        @Override
        public Optional<Renewals> renewals() {
            return Optional.empty();
        }

        @Override
        public Optional<NotificationParser> notifications() {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
