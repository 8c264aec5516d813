package io.dcb4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.testing.MutableClock;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcStoresTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final byte[] key = new byte[32];

    @BeforeEach
    void clean() {
        Postgres.url();
        Postgres.truncate();
        key[0] = 7;
    }

    @Test
    void theSchemaIsCreatedOnceAndTheMigrationsShipInTheJar() {
        assertThat(JdbcStores.createSchema(Postgres.dataSource())).isEmpty(); // created by the first use
        assertThat(JdbcStores.migrations()).containsExactly("db/dcb4j-store/postgresql/V1__dcb4j_store.sql");
        for (String m : JdbcStores.migrations()) {
            assertThat(JdbcStores.class.getResource("/" + m)).isNotNull();
        }
        assertThat(JdbcStores.class.getResource("/db/dcb4j-store/postgresql/changelog.xml")).isNotNull();
        assertThat(JdbcStores.statements("--c\nCREATE TABLE a (x INT);\n-- d\nCREATE INDEX i\n ON a (x);\n"))
                .containsExactly("CREATE TABLE a (x INT)", "CREATE INDEX i\n ON a (x)");
    }

    @Test
    void tokensAreStoredEncryptedAndReadBackWhole() throws Exception {
        DataSource ds = Postgres.dataSource();
        JdbcTokenStore store = JdbcTokenStore.builder(ds).encryptionKey(key).clock(clock).build();
        AccessToken token = AccessToken.bearer("secret-token-value", clock.instant(), Duration.ofHours(1))
                .withRefreshToken("secret-refresh", clock.instant().plus(Duration.ofDays(1)));
        store.put("fake:abc", token);

        assertThat(store.get("fake:abc")).contains(token);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT * FROM dcb4j_token")) {
            assertThat(rs.next()).isTrue();
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                row.append(rs.getString(i)).append('|');
            }
            assertThat(row).doesNotContain("secret-token-value").doesNotContain("secret-refresh");
            assertThat(rs.getString("token_value")).startsWith("v1:");
        }
        // another key (a rotation) reads no token rather than failing; the next refresh replaces it
        byte[] other = key.clone();
        other[0] = 8;
        assertThat(JdbcTokenStore.builder(ds).encryptionKey(other).build().get("fake:abc")).isEmpty();
        // a store in clear (an explicit choice) does not read sealed rows either
        assertThat(JdbcTokenStore.builder(ds).storeInClear().build().get("fake:abc")).isEmpty();
        assertThat(store.toString()).doesNotContain("secret");
    }

    @Test
    void aTokenStoreNeedsAnExplicitChoiceAboutEncryption() {
        assertThatThrownBy(() -> JdbcTokenStore.builder(Postgres.dataSource()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("storeInClear");
        assertThatThrownBy(() -> JdbcTokenStore.builder(Postgres.dataSource()).encryptionKey(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removeOnlyDropsTheTokenThatWasRefused() {
        JdbcTokenStore store = JdbcTokenStore.builder(Postgres.dataSource()).storeInClear().clock(clock).build();
        AccessToken t1 = AccessToken.bearer("t1", clock.instant(), Duration.ofHours(1));
        AccessToken t2 = AccessToken.bearer("t2", clock.instant(), Duration.ofHours(1));
        store.put("k", t1);
        store.put("k", t2);
        assertThat(store.remove("k", t1)).isFalse();
        assertThat(store.get("k")).map(AccessToken::value).contains("t2");
        assertThat(store.remove("k", t2)).isTrue();
        assertThat(store.get("k")).isEmpty();
    }

    @Test
    void theJournalKeepsEntriesAcrossInstancesWithCompareAndSetAndPrunes() {
        ChargeJournal a = JdbcChargeJournal.create(Postgres.dataSource());
        ChargeJournal b = JdbcChargeJournal.create(Postgres.dataSource());
        JournalEntry intent = JournalEntry.intent("fake", "k-1", JournalOperation.CHARGE, "digest", "k-1",
                clock.instant());
        ChargeJournal.Begin first = a.begin(intent);
        ChargeJournal.Begin second = b.begin(intent);
        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.entry()).isEqualTo(first.entry());

        JournalEntry done = first.entry().next(JournalState.COMPLETED, null, "{}", null, clock.instant());
        assertThat(b.update(first.entry(), done)).isTrue();
        assertThat(a.update(first.entry(), done)).isFalse(); // the version moved on
        assertThat(a.find("fake", "k-1")).contains(done);
        assertThat(a.open(10)).isEmpty();

        assertThat(a.prune(clock.instant())).isZero();
        assertThat(a.prune(clock.instant().plusSeconds(1))).isEqualTo(1);
        assertThat(b.find("fake", "k-1")).isEmpty();
    }

    @Test
    void everyJournalOperationIsStoredAndReadBackWithoutASchemaChange() {
        ChargeJournal a = JdbcChargeJournal.create(Postgres.dataSource());
        ChargeJournal b = JdbcChargeJournal.create(Postgres.dataSource());
        for (JournalOperation op : JournalOperation.values()) {
            String key = "op-" + op;
            JournalEntry begun = a.begin(JournalEntry.intent("fake", key, op, "digest", "ch-1", clock.instant()))
                    .entry();
            JournalEntry done = begun.next(JournalState.COMPLETED, null, "{\"type\":\"x\"}", null, clock.instant());
            assertThat(b.update(begun, done)).isTrue();
            assertThat(b.find("fake", key)).contains(done);
        }
        assertThat(a.find("fake", "op-REFUND")).map(JournalEntry::operation).contains(JournalOperation.REFUND);
    }

    @Test
    void reconcilerWorkersOnTwoInstancesLeaseDistinctEntries() {
        ChargeJournal a = JdbcChargeJournal.create(Postgres.dataSource());
        ChargeJournal b = JdbcChargeJournal.create(Postgres.dataSource());
        for (int i = 0; i < 10; i++) {
            JournalEntry e = a.begin(JournalEntry.intent("fake", "k-" + i, JournalOperation.CHARGE, "d", "k-" + i,
                    clock.instant().plusSeconds(i))).entry();
            if (i % 2 == 0) {
                a.update(e, e.next(JournalState.UNKNOWN, null, null, "DcbTransportException", e.updatedAt()));
            }
        }
        Instant now = clock.instant().plus(Duration.ofMinutes(1));
        // pending entries are young (stale only before 'now - 1h'): only the unknown ones are open
        var first = a.claimOpen(Set.of("fake"), now.minus(Duration.ofHours(1)), now, Duration.ofMinutes(2), 3);
        var second = b.claimOpen(Set.of("fake"), now.minus(Duration.ofHours(1)), now, Duration.ofMinutes(2), 10);
        assertThat(first).hasSize(3);
        assertThat(second).hasSize(2);
        assertThat(first).extracting(JournalEntry::idempotencyKey)
                .doesNotContainAnyElementsOf(second.stream().map(JournalEntry::idempotencyKey).toList());
        assertThat(a.claimOpen(Set.of("other"), now, now, Duration.ofMinutes(2), 10)).isEmpty();
        // once stale, the pending ones open too; the leased ones stay with their workers until the lease ends
        assertThat(b.claimOpen(Set.of("fake"), now, now, Duration.ofMinutes(2), 10)).hasSize(5);
        assertThat(b.claimOpen(Set.of("fake"), now, now.plus(Duration.ofMinutes(3)), Duration.ofMinutes(2), 20))
                .hasSize(10);
    }
}
