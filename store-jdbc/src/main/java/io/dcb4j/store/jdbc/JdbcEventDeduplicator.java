package io.dcb4j.store.jdbc;

import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventClaim;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.spi.support.Digests;
import io.dcb4j.store.jdbc.internal.Jdbc;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * An {@link EventDeduplicator} that a fleet shares through the {@code dcb4j_event_claim} table: whichever
 * instance a provider's delivery lands on, one claim wins ({@code INSERT ... ON CONFLICT DO NOTHING}); a claim
 * whose lease ended without completion (its instance died) is taken over by the next delivery with one
 * conditional {@code UPDATE}, so the redelivery is processed once. Completed claims are kept for the retention
 * period, then deleted by {@link #prune()}: call it on a schedule. Each claim is one statement in auto-commit
 * mode. Rows hold the SHA-256 of the provider and the event id, never the id itself.
 *
 * <p>Lease ends are computed by this instance's clock: keep the fleet's clocks synchronised (NTP) to well
 * within the lease.
 */
public final class JdbcEventDeduplicator implements EventDeduplicator {

    /** The default retention of completed claims: 7 days, longer than providers retry. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    private final Jdbc jdbc;
    private final Duration retention;
    private final Clock clock;

    private JdbcEventDeduplicator(DataSource dataSource, Duration retention, Clock clock) {
        this.jdbc = new Jdbc(dataSource, "event deduplicator");
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive");
        }
        this.retention = retention;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A deduplicator keeping completed claims for {@link #DEFAULT_RETENTION}.
     *
     * @param dataSource the database, with the schema of {@link JdbcStores#createSchema}
     * @return the deduplicator
     */
    public static JdbcEventDeduplicator create(DataSource dataSource) {
        return create(dataSource, DEFAULT_RETENTION, Clock.systemUTC());
    }

    /**
     * A deduplicator.
     *
     * @param dataSource the database, with the schema of {@link JdbcStores#createSchema}
     * @param retention how long completed claims are kept
     * @param clock the clock for leases and retention
     * @return the deduplicator
     */
    public static JdbcEventDeduplicator create(DataSource dataSource, Duration retention, Clock clock) {
        return new JdbcEventDeduplicator(dataSource, retention, clock);
    }

    private static String key(BillingEvent event) {
        return Digests.sha256Hex(event.provider() + '\u0000' + event.eventId(), 32);
    }

    @Override
    public boolean claim(BillingEvent event) {
        Instant now = clock.instant();
        return take(event, "COMPLETED", UUID.randomUUID().toString(), now, now.plus(retention));
    }

    @Override
    public void release(BillingEvent event) {
        jdbc.auto("release", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dcb4j_event_claim WHERE claim_key = ?")) {
                ps.setString(1, key(event));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Optional<EventClaim> claim(BillingEvent event, Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        Instant now = clock.instant();
        String holder = UUID.randomUUID().toString();
        Instant until = Jdbc.micros(now.plus(lease));
        if (!take(event, "CLAIMED", holder, now, until)) {
            return Optional.empty();
        }
        return Optional.of(new Lease(key(event), holder, until));
    }

    /** Inserts the claim, or takes over one whose lease or retention ended; false when another holds it. */
    private boolean take(BillingEvent event, String state, String holder, Instant now, Instant until) {
        String key = key(event);
        return jdbc.auto("claim", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcb4j_event_claim (claim_key, provider, "
                    + "state, holder, lease_until, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (claim_key) DO NOTHING")) {
                ps.setString(1, key);
                ps.setString(2, event.provider());
                ps.setString(3, state);
                ps.setString(4, holder);
                Jdbc.setInstant(ps, 5, until);
                Jdbc.setInstant(ps, 6, now);
                if (ps.executeUpdate() == 1) {
                    return true;
                }
            }
            // the row exists: take it over only when its lease (or retention) has ended; concurrent takers
            // serialise on the row and re-check the condition, so one wins
            try (PreparedStatement ps = c.prepareStatement("UPDATE dcb4j_event_claim SET state = ?, holder = ?, "
                    + "lease_until = ?, updated_at = ? WHERE claim_key = ? AND lease_until <= ?")) {
                ps.setString(1, state);
                ps.setString(2, holder);
                Jdbc.setInstant(ps, 3, until);
                Jdbc.setInstant(ps, 4, now);
                ps.setString(5, key);
                Jdbc.setInstant(ps, 6, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int prune() {
        return jdbc.auto("prune", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dcb4j_event_claim WHERE lease_until <= ?")) {
                Jdbc.setInstant(ps, 1, clock.instant());
                return ps.executeUpdate();
            }
        });
    }

    /** One claim; its statements act only while the row still names this holder. */
    private final class Lease implements EventClaim {
        private final String key;
        private final String holder;
        private final Instant until;
        private final AtomicBoolean done = new AtomicBoolean();

        Lease(String key, String holder, Instant until) {
            this.key = key;
            this.holder = holder;
            this.until = until;
        }

        @Override
        public Instant leaseUntil() {
            return until;
        }

        @Override
        public boolean complete() {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            Instant now = clock.instant();
            return jdbc.auto("complete", c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE dcb4j_event_claim SET state = 'COMPLETED', "
                        + "lease_until = ?, updated_at = ? WHERE claim_key = ? AND holder = ?")) {
                    Jdbc.setInstant(ps, 1, now.plus(retention));
                    Jdbc.setInstant(ps, 2, now);
                    ps.setString(3, key);
                    ps.setString(4, holder);
                    if (ps.executeUpdate() == 1) {
                        return true;
                    }
                }
                // the row is gone (pruned after the lease ended) unless another claim took the event over
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcb4j_event_claim (claim_key, provider, "
                        + "state, holder, lease_until, updated_at) VALUES (?, '', 'COMPLETED', ?, ?, ?) "
                        + "ON CONFLICT (claim_key) DO NOTHING")) {
                    ps.setString(1, key);
                    ps.setString(2, holder);
                    Jdbc.setInstant(ps, 3, now.plus(retention));
                    Jdbc.setInstant(ps, 4, now);
                    return ps.executeUpdate() == 1;
                }
            });
        }

        @Override
        public void release() {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            jdbc.auto("release", c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM dcb4j_event_claim WHERE claim_key = ? "
                        + "AND holder = ? AND state = 'CLAIMED'")) {
                    ps.setString(1, key);
                    ps.setString(2, holder);
                    return ps.executeUpdate();
                }
            });
        }
    }
}
