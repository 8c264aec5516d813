package io.dcb4j.store.jdbc;

import io.dcb4j.core.spi.support.Digests;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.TokenStore;
import io.dcb4j.store.jdbc.internal.Jdbc;
import io.dcb4j.store.jdbc.internal.TokenCipher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TokenStore} that a fleet shares through the {@code dcb4j_token} table: every instance reads the
 * same token, and {@link #refresh} runs the token request under the row's lock ({@code SELECT ... FOR UPDATE}),
 * so that one instance at a time refreshes and the others find its token when they get the lock. The lock is
 * waited for at most the caller's deadline ({@code lock_timeout}) and held at most that long: the server ends
 * the session of a holder idle beyond it ({@code idle_in_transaction_session_timeout}), so a hung or killed
 * instance never blocks the others for longer. A refresh holds one connection for the length of the token
 * request; other calls take a connection only for one statement.
 *
 * <p><b>Tokens are encrypted</b> with AES-256-GCM under a key the merchant supplies
 * ({@link Builder#encryptionKey}), unless the builder explicitly says {@link Builder#storeInClear()}. Access and
 * refresh tokens are bearer credentials: whoever reads them can charge subscribers until they expire, and a
 * database is read by more people and systems (replicas, backups, reporting users) than an application's
 * secrets store. With the key held where the provider credentials already are, a leaked table or backup holds
 * no usable token. Rotating the key needs no migration: rows sealed under another key read as absent, and the
 * next refresh replaces them. Building without either choice is refused.
 */
public final class JdbcTokenStore implements TokenStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTokenStore.class);
    private static final String COLUMNS = "token_key, value_digest, token_value, header_name, scheme, refresh_token, "
            + "refresh_expires_at, expires_at, issued_at";

    private final Jdbc jdbc;
    private final TokenCipher cipher;
    private final boolean encrypted;
    private final Clock clock;

    private JdbcTokenStore(Builder b) {
        this.jdbc = new Jdbc(Objects.requireNonNull(b.dataSource, "dataSource"), "token store");
        if (b.key == null && !b.inClear) {
            throw new IllegalStateException("choose encryptionKey(key) or storeInClear() for the token store");
        }
        this.cipher = new TokenCipher(b.key);
        this.encrypted = b.key != null;
        this.clock = b.clock;
    }

    /**
     * Starts a builder.
     *
     * @param dataSource the database, with the schema of {@link JdbcStores#createSchema}
     * @return the builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    @Override
    public Optional<AccessToken> get(String key) {
        return jdbc.auto("get", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM dcb4j_token WHERE token_key = ? AND value_digest IS NOT NULL")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? read(rs, key) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void put(String key, AccessToken token) {
        jdbc.auto("put", c -> {
            write(c, key, token);
            return null;
        });
    }

    @Override
    public boolean remove(String key, AccessToken expected) {
        return jdbc.auto("remove", c -> {
            // compare and set on the value's digest: a token another instance stored meanwhile stays
            try (PreparedStatement ps = c.prepareStatement("UPDATE dcb4j_token SET value_digest = NULL, "
                    + "token_value = NULL, refresh_token = NULL, updated_at = ? WHERE token_key = ? "
                    + "AND value_digest = ?")) {
                Jdbc.setInstant(ps, 1, clock.instant());
                ps.setString(2, key);
                ps.setString(3, digest(expected.value()));
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<AccessToken> refresh(String key, Duration maxWait,
            Function<Optional<AccessToken>, AccessToken> refresher) {
        long millis = Math.max(1L, Math.min(saturatedMillis(maxWait), Integer.MAX_VALUE));
        try {
            return jdbc.transaction("refresh", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT set_config('lock_timeout', ?, true), "
                                + "set_config('idle_in_transaction_session_timeout', ?, true)")) {
                    ps.setString(1, millis + "ms");
                    ps.setString(2, millis + "ms");
                    ps.execute();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcb4j_token (token_key, updated_at) "
                        + "VALUES (?, ?) ON CONFLICT (token_key) DO NOTHING")) {
                    ps.setString(1, key);
                    Jdbc.setInstant(ps, 2, clock.instant());
                    ps.executeUpdate();
                }
                Optional<AccessToken> stored;
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                        + " FROM dcb4j_token WHERE token_key = ? FOR UPDATE")) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        stored = rs.next() && rs.getString("value_digest") != null ? read(rs, key) : Optional.empty();
                    }
                }
                AccessToken next = Objects.requireNonNull(refresher.apply(stored), "refresher returned null");
                if (stored.isEmpty() || !stored.get().value().equals(next.value())) {
                    write(c, key, next);
                }
                return Optional.of(next);
            });
        } catch (JdbcStoreException e) {
            if (e.getCause() instanceof SQLException sql && isLockTimeout(sql)) {
                LOG.debug("token refresh lock not obtained within {} ms", millis);
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isLockTimeout(SQLException e) {
        // 55P03 lock_not_available (lock_timeout), 57014 query_canceled
        return "55P03".equals(e.getSQLState()) || "57014".equals(e.getSQLState());
    }

    private static long saturatedMillis(Duration d) {
        try {
            return Objects.requireNonNull(d, "maxWait").toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private void write(Connection c, String key, AccessToken t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dcb4j_token (" + COLUMNS + ", updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (token_key) DO UPDATE SET "
                + "value_digest = EXCLUDED.value_digest, token_value = EXCLUDED.token_value, "
                + "header_name = EXCLUDED.header_name, scheme = EXCLUDED.scheme, "
                + "refresh_token = EXCLUDED.refresh_token, refresh_expires_at = EXCLUDED.refresh_expires_at, "
                + "expires_at = EXCLUDED.expires_at, issued_at = EXCLUDED.issued_at, "
                + "updated_at = EXCLUDED.updated_at")) {
            ps.setString(1, key);
            ps.setString(2, digest(t.value()));
            ps.setString(3, cipher.seal(t.value(), key, "token_value"));
            ps.setString(4, t.headerName());
            ps.setString(5, t.scheme());
            ps.setString(6, cipher.seal(t.refreshToken(), key, "refresh_token"));
            Jdbc.setInstant(ps, 7, t.refreshExpiresAt());
            Jdbc.setInstant(ps, 8, t.expiresAt());
            Jdbc.setInstant(ps, 9, t.issuedAt());
            Jdbc.setInstant(ps, 10, clock.instant());
            ps.executeUpdate();
        }
    }

    private Optional<AccessToken> read(ResultSet rs, String key) throws SQLException {
        Optional<String> value = cipher.open(rs.getString("token_value"), key, "token_value");
        if (value.isEmpty()) {
            // sealed under another key, or stored in clear while a key is configured: treated as no token
            return Optional.empty();
        }
        String refresh = cipher.open(rs.getString("refresh_token"), key, "refresh_token").orElse(null);
        Instant issued = Jdbc.instant(rs, "issued_at");
        Instant expires = Jdbc.instant(rs, "expires_at");
        if (expires == null) {
            return Optional.empty();
        }
        return Optional.of(new AccessToken(value.get(), expires, rs.getString("header_name"), rs.getString("scheme"),
                refresh, Jdbc.instant(rs, "refresh_expires_at"), issued));
    }

    private static String digest(String value) {
        return Digests.sha256Hex(value, 32);
    }

    /** Never shows keys or tokens. */
    @Override
    public String toString() {
        return "JdbcTokenStore[encrypted=" + encrypted + "]";
    }

    /** Builds a {@link JdbcTokenStore}. */
    public static final class Builder {
        private final DataSource dataSource;
        private SecretKey key;
        private boolean inClear;
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        /**
         * Encrypts tokens with AES-256-GCM under this key: give every instance of the fleet the same key, kept
         * where the provider credentials are.
         *
         * @param aesKey 32 bytes (AES-256)
         * @return this builder
         */
        public Builder encryptionKey(byte[] aesKey) {
            if (aesKey == null || aesKey.length != 32) {
                throw new IllegalArgumentException("the token encryption key must be 32 bytes (AES-256)");
            }
            this.key = new SecretKeySpec(aesKey.clone(), "AES");
            this.inClear = false;
            return this;
        }

        /**
         * Encrypts tokens with AES-GCM under this key.
         *
         * @param aesKey an AES key (256 bits recommended)
         * @return this builder
         */
        public Builder encryptionKey(SecretKey aesKey) {
            if (aesKey == null || !"AES".equalsIgnoreCase(aesKey.getAlgorithm())) {
                throw new IllegalArgumentException("the token encryption key must be an AES key");
            }
            this.key = aesKey;
            this.inClear = false;
            return this;
        }

        /**
         * Stores tokens in clear, protected by the database's access control only: choose it explicitly, for
         * a database that only the application's instances can read.
         *
         * @return this builder
         */
        public Builder storeInClear() {
            this.key = null;
            this.inClear = true;
            return this;
        }

        /**
         * The clock for the rows' update times; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store.
         *
         * @return the store
         * @throws IllegalStateException when neither {@link #encryptionKey} nor {@link #storeInClear()} was
         *     chosen
         */
        public JdbcTokenStore build() {
            return new JdbcTokenStore(this);
        }
    }
}
