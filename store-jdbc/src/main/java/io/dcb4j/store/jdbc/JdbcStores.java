package io.dcb4j.store.jdbc;

import io.dcb4j.store.jdbc.internal.Jdbc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The schema of the JDBC stores. The DDL ships in this jar as versioned SQL files under
 * {@value #MIGRATIONS_LOCATION}: point Flyway at {@code classpath:db/dcb4j-store/postgresql} (with a history
 * table of its own, for example {@code dcb4j_flyway_history}), or include
 * {@code db/dcb4j-store/postgresql/changelog.xml} from a Liquibase changelog. Merchants without a migration tool
 * call {@link #createSchema(DataSource)} at start-up.
 */
public final class JdbcStores {

    /** Where the migrations are, in this jar. */
    public static final String MIGRATIONS_LOCATION = "db/dcb4j-store/postgresql";

    /** The migrations, in the order they apply. */
    private static final List<String> MIGRATIONS = List.of("V1__dcb4j_store.sql");

    private JdbcStores() {
    }

    /**
     * A data source without a pool that opens each connection through the JDBC driver on the class path, for
     * tools and tests that open a handful ({@code dcb reconcile}); a service gives the stores its pooled
     * {@code DataSource} instead. The password is only handed to the driver.
     *
     * @param url the JDBC URL, for example {@code jdbc:postgresql://db:5432/shop}
     * @param user the user, or null to connect with the URL alone
     * @param password the password, or null
     * @return the data source
     */
    public static DataSource unpooledDataSource(String url, String user, String password) {
        return new DriverDataSource(url, user, password);
    }

    /**
     * The migration files, in the order they apply, as class path resource names.
     *
     * @return for example {@code db/dcb4j-store/postgresql/V1__dcb4j_store.sql}
     */
    public static List<String> migrations() {
        return MIGRATIONS.stream().map(m -> MIGRATIONS_LOCATION + "/" + m).toList();
    }

    /**
     * Applies the migrations this database has not had yet, in one transaction, recording each in
     * {@code dcb4j_schema_version}. Safe to call from every instance at start-up: instances serialise on an
     * advisory lock, and a migration applied already is skipped.
     *
     * @param dataSource the database (PostgreSQL); its user needs the right to create tables
     * @return the versions applied by this call (empty when the schema was up to date)
     * @throws JdbcStoreException when the database refuses
     */
    public static List<Integer> createSchema(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return new Jdbc(dataSource, "schema").transaction("createSchema", c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(4242000016)");
                s.execute("CREATE TABLE IF NOT EXISTS dcb4j_schema_version (version INTEGER PRIMARY KEY, "
                        + "script VARCHAR(200) NOT NULL, applied_at TIMESTAMPTZ NOT NULL)");
            }
            List<Integer> applied = new ArrayList<>();
            for (String script : MIGRATIONS) {
                int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT 1 FROM dcb4j_schema_version WHERE version = ?")) {
                    ps.setInt(1, version);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement s = c.createStatement()) {
                    for (String sql : statements(read(MIGRATIONS_LOCATION + "/" + script))) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dcb4j_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, script);
                    Jdbc.setInstant(ps, 3, Instant.now());
                    ps.executeUpdate();
                }
                applied.add(version);
            }
            return applied;
        });
    }

    /** The statements of a script: comment lines dropped, split at each {@code ;} that ends a line. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = JdbcStores.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
