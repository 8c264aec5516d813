package io.dcb4j.store.jdbc;

import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.store.jdbc.internal.Jdbc;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link ChargeJournal} that a fleet shares through the {@code dcb4j_charge_journal} table, so that an intent
 * survives the instance that recorded it: after a crash, another instance (or the restarted one) replays its
 * outcome or reconciles it. Each method is one statement in auto-commit mode: the intent is inserted with
 * {@code INSERT ... ON CONFLICT DO NOTHING}, outcomes are written with a compare-and-set on the entry's
 * version, and reconciler workers on several instances lease distinct open entries with
 * {@code FOR UPDATE SKIP LOCKED}. When the database cannot be reached, the methods throw
 * {@link JdbcStoreException}, and a money-moving write fails closed before sending.
 */
public final class JdbcChargeJournal implements ChargeJournal {

    private static final String COLUMNS = "provider, idempotency_key, operation, request_digest, state, version, "
            + "lookup_reference, outcome, note, attempts, created_at, updated_at";

    private final Jdbc jdbc;

    private JdbcChargeJournal(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource, "charge journal");
    }

    /**
     * A journal on a database.
     *
     * @param dataSource the database, with the schema of {@link JdbcStores#createSchema}
     * @return the journal
     */
    public static JdbcChargeJournal create(DataSource dataSource) {
        return new JdbcChargeJournal(Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public Begin begin(JournalEntry intent) {
        Objects.requireNonNull(intent, "intent");
        return jdbc.auto("begin", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcb4j_charge_journal (" + COLUMNS + ") "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (provider, idempotency_key) DO NOTHING")) {
                bind(ps, intent);
                if (ps.executeUpdate() == 1) {
                    return new Begin(stored(intent), true);
                }
            }
            JournalEntry existing = select(c, intent.provider(), intent.idempotencyKey())
                    .orElseThrow(() -> new SQLException("journal entry vanished during begin", "40001"));
            return new Begin(existing, false);
        });
    }

    @Override
    public boolean update(JournalEntry expected, JournalEntry next) {
        if (!expected.provider().equals(next.provider()) || !expected.idempotencyKey().equals(next.idempotencyKey())) {
            return false;
        }
        return jdbc.auto("update", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE dcb4j_charge_journal SET operation = ?, "
                    + "request_digest = ?, state = ?, version = ?, lookup_reference = ?, outcome = ?, note = ?, "
                    + "attempts = ?, created_at = ?, updated_at = ? "
                    + "WHERE provider = ? AND idempotency_key = ? AND version = ?")) {
                ps.setString(1, next.operation().name());
                ps.setString(2, next.requestDigest());
                ps.setString(3, next.state().name());
                ps.setLong(4, next.version());
                ps.setString(5, next.lookupReference());
                ps.setString(6, next.outcome());
                ps.setString(7, note(next.note()));
                ps.setInt(8, next.attempts());
                Jdbc.setInstant(ps, 9, next.createdAt());
                Jdbc.setInstant(ps, 10, next.updatedAt());
                ps.setString(11, expected.provider());
                ps.setString(12, expected.idempotencyKey());
                ps.setLong(13, expected.version());
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<JournalEntry> find(String provider, String idempotencyKey) {
        return jdbc.auto("find", c -> select(c, provider, idempotencyKey));
    }

    @Override
    public List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now, Duration lease,
            int limit) {
        if (providers.isEmpty() || limit < 1) {
            return List.of();
        }
        return jdbc.auto("claimOpen", c -> {
            Array ids = c.createArrayOf("varchar", providers.toArray());
            try (PreparedStatement ps = c.prepareStatement("UPDATE dcb4j_charge_journal j SET lease_until = ? "
                    + "FROM (SELECT provider, idempotency_key FROM dcb4j_charge_journal "
                    + "WHERE provider = ANY (?) AND (state = 'UNKNOWN' OR (state = 'PENDING' AND updated_at < ?)) "
                    + "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY created_at LIMIT ? "
                    + "FOR UPDATE SKIP LOCKED) open "
                    + "WHERE j.provider = open.provider AND j.idempotency_key = open.idempotency_key "
                    + "RETURNING j.provider, j.idempotency_key, j.operation, j.request_digest, j.state, j.version, "
                    + "j.lookup_reference, j.outcome, j.note, j.attempts, j.created_at, j.updated_at")) {
                Jdbc.setInstant(ps, 1, now.plus(lease));
                ps.setArray(2, ids);
                Jdbc.setInstant(ps, 3, staleBefore);
                Jdbc.setInstant(ps, 4, now);
                ps.setInt(5, limit);
                List<JournalEntry> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
                found.sort(Comparator.comparing(JournalEntry::createdAt));
                return found;
            } finally {
                ids.free();
            }
        });
    }

    @Override
    public List<JournalEntry> open(int limit) {
        return jdbc.auto("open", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dcb4j_charge_journal "
                    + "WHERE state IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW') ORDER BY created_at LIMIT ?")) {
                ps.setInt(1, limit);
                List<JournalEntry> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(read(rs));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public int prune(Instant finishedBefore) {
        return jdbc.auto("prune", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dcb4j_charge_journal "
                    + "WHERE state IN ('COMPLETED', 'FAILED', 'RESOLVED') AND updated_at < ?")) {
                Jdbc.setInstant(ps, 1, finishedBefore);
                return ps.executeUpdate();
            }
        });
    }

    private static Optional<JournalEntry> select(java.sql.Connection c, String provider, String key)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dcb4j_charge_journal "
                + "WHERE provider = ? AND idempotency_key = ?")) {
            ps.setString(1, provider);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement ps, JournalEntry e) throws SQLException {
        ps.setString(1, e.provider());
        ps.setString(2, e.idempotencyKey());
        ps.setString(3, e.operation().name());
        ps.setString(4, e.requestDigest());
        ps.setString(5, e.state().name());
        ps.setLong(6, e.version());
        ps.setString(7, e.lookupReference());
        ps.setString(8, e.outcome());
        ps.setString(9, note(e.note()));
        ps.setInt(10, e.attempts());
        Jdbc.setInstant(ps, 11, e.createdAt());
        Jdbc.setInstant(ps, 12, e.updatedAt());
    }

    /** The entry as the database keeps it (times in microseconds). */
    private static JournalEntry stored(JournalEntry e) {
        return new JournalEntry(e.provider(), e.idempotencyKey(), e.operation(), e.requestDigest(), e.state(),
                e.version(), e.lookupReference(), e.outcome(), e.note(), e.attempts(), Jdbc.micros(e.createdAt()),
                Jdbc.micros(e.updatedAt()));
    }

    private static String note(String note) {
        return note == null || note.length() <= 300 ? note : note.substring(0, 300);
    }

    private static JournalEntry read(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getString("provider"), rs.getString("idempotency_key"),
                JournalOperation.valueOf(rs.getString("operation")), rs.getString("request_digest"),
                JournalState.valueOf(rs.getString("state")), rs.getLong("version"), rs.getString("lookup_reference"),
                rs.getString("outcome"), rs.getString("note"), rs.getInt("attempts"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "updated_at"));
    }
}
