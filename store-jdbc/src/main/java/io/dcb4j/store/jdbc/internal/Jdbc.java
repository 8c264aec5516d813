package io.dcb4j.store.jdbc.internal;

import io.dcb4j.store.jdbc.JdbcStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import javax.sql.DataSource;

/** Connections, transactions and parameters for the stores. Internal. */
public final class Jdbc {

    /** What one unit of work does with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * Runs.
         *
         * @param c the connection
         * @return the result
         * @throws SQLException on failure
         */
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final String store;

    /**
     * For one store.
     *
     * @param dataSource the database
     * @param store the store's name, for messages
     */
    public Jdbc(DataSource dataSource, String store) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.store = store;
    }

    /**
     * Runs in auto-commit mode.
     *
     * @param operation the store operation, for messages
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    public <T> T auto(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    /**
     * Runs in one transaction, committed when the work returns, rolled back when it throws.
     *
     * @param operation the store operation, for messages
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    public <T> T transaction(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                restore(c, auto);
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken: closing it discards the transaction
        }
    }

    private static void restore(Connection c, boolean auto) {
        try {
            c.setAutoCommit(auto);
        } catch (SQLException ignored) {
            // a broken connection is discarded by the pool
        }
    }

    /**
     * The exception for a failed operation: its name and SQL state, never a value.
     *
     * @param operation the store operation
     * @param e the driver's exception
     * @return the exception to throw
     */
    public JdbcStoreException failure(String operation, SQLException e) {
        return new JdbcStoreException(store + " " + operation + " failed (SQL state " + e.getSQLState() + ")", e);
    }

    /**
     * An instant as a parameter, at the database's precision (microseconds).
     *
     * @param ps the statement
     * @param index the parameter index
     * @param at the instant, or null
     * @throws SQLException on failure
     */
    public static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(micros(at), ZoneOffset.UTC));
        }
    }

    /**
     * Reads an instant column.
     *
     * @param rs the row
     * @param column the column
     * @return the instant, or null
     * @throws SQLException on failure
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /**
     * An instant truncated to what the database keeps.
     *
     * @param at the instant
     * @return it, in whole microseconds
     */
    public static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A timestamp parameter for code that wants one.
     *
     * @param at the instant
     * @return the timestamp
     */
    public static Timestamp timestamp(Instant at) {
        return Timestamp.from(micros(at));
    }
}
