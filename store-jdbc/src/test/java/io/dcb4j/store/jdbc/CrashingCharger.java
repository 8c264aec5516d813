package io.dcb4j.store.jdbc;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RefundRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * The instance that dies: run by {@link CrashTest} in a second JVM. It charges through the fake provider with
 * the JDBC journal, prints a marker line at the chosen point and waits there for its {@code kill -9}:
 * {@code INTENT_RECORDED} after the intent is in the database and before the request leaves
 * ({@code before-send}), or {@code ANSWER_RECEIVED} after the provider answered and before the outcome is
 * recorded ({@code after-answer}).
 *
 * <p>Arguments: JDBC URL, provider base URL, idempotency key, amount, kill point, and optionally the id of a
 * charge to refund that amount of instead of charging.
 */
public final class CrashingCharger {

    private CrashingCharger() {
    }

    /**
     * Runs the doomed charge.
     *
     * @param args JDBC URL, base URL, key, amount, {@code before-send} or {@code after-answer}, optionally the
     *     charge to refund
     * @throws InterruptedException never: the process is killed while it waits
     */
    public static void main(String[] args) throws InterruptedException {
        String jdbcUrl = args[0];
        String baseUrl = args[1];
        String key = args[2];
        String amount = args[3];
        boolean beforeSend = "before-send".equals(args[4]);
        ChargeJournal journal = new Dying(JdbcChargeJournal.create(JdbcStores.unpooledDataSource(jdbcUrl, null, null)), beforeSend);
        try (BillingProvider provider = Fleet.client(baseUrl, null, journal, Clock.systemUTC())) {
            if (args.length > 5) {
                provider.refunds().orElseThrow().refund(RefundRequest.builder(ChargeRef.of(args[5]))
                        .amount(Money.of(amount, "TND")).idempotencyKey(key).build());
            } else {
                provider.charges().orElseThrow().charge(ChargeRequest.builder(Money.of(amount, "TND"))
                        .msisdn(Msisdn.of("21650123456")).idempotencyKey(key).build());
            }
        }
        System.out.println("NOT_KILLED");
    }

    /** The real journal, with a stop where the process is to die. */
    private static final class Dying implements ChargeJournal {
        private final ChargeJournal journal;
        private final boolean beforeSend;

        Dying(ChargeJournal journal, boolean beforeSend) {
            this.journal = journal;
            this.beforeSend = beforeSend;
        }

        private static void dieHere(String marker) {
            System.out.println(marker);
            System.out.flush();
            try {
                new CountDownLatch(1).await(); // until kill -9
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("not killed");
        }

        @Override
        public Begin begin(JournalEntry intent) {
            Begin begin = journal.begin(intent);
            if (beforeSend) {
                dieHere("INTENT_RECORDED");
            }
            return begin;
        }

        @Override
        public boolean update(JournalEntry expected, JournalEntry next) {
            if (!beforeSend && next.state() != JournalState.PENDING) {
                dieHere("ANSWER_RECEIVED");
            }
            return journal.update(expected, next);
        }

        @Override
        public Optional<JournalEntry> find(String provider, String idempotencyKey) {
            return journal.find(provider, idempotencyKey);
        }

        @Override
        public List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now, Duration lease,
                int limit) {
            return journal.claimOpen(providers, staleBefore, now, lease, limit);
        }

        @Override
        public List<JournalEntry> open(int limit) {
            return journal.open(limit);
        }

        @Override
        public int prune(Instant finishedBefore) {
            return journal.prune(finishedBefore);
        }
    }
}
