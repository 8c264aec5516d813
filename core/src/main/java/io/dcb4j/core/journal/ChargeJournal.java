package io.dcb4j.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the intents and outcomes of money-moving writes are recorded, keyed by provider and idempotency key.
 * The neutral API records through it when {@link io.dcb4j.core.ClientOptions.Builder#chargeJournal} is set;
 * the {@link Reconciler} reads it. Implementations are thread-safe, and each method is atomic: implement it
 * over a store that several instances share ({@code dcb4j-store-jdbc}) for a fleet. A method that cannot
 * reach its store throws (any runtime exception): the money-moving write then fails closed, before sending.
 */
public interface ChargeJournal {

    /**
     * Records {@code intent} unless an entry with its provider and key exists.
     *
     * @param intent a {@link JournalState#PENDING} entry at version 0
     * @return the stored entry, and whether this call created it
     */
    Begin begin(JournalEntry intent);

    /**
     * Replaces the stored entry by {@code next} when it is still at {@code expected}'s version (compare and
     * set).
     *
     * @param expected the entry as read
     * @param next its next version (same provider and key)
     * @return true when replaced; false when the entry changed meanwhile (or is gone)
     */
    boolean update(JournalEntry expected, JournalEntry next);

    /**
     * The entry of a key.
     *
     * @param provider the provider id
     * @param idempotencyKey the key
     * @return the entry, if any
     */
    Optional<JournalEntry> find(String provider, String idempotencyKey);

    /**
     * Leases open entries to one reconciler worker, oldest first: {@link JournalState#UNKNOWN} ones, and
     * {@link JournalState#PENDING} ones not updated since {@code staleBefore} (their call has ended: it crashed
     * or its instance died), that no other worker holds a live lease on. Workers on several instances never get
     * the same entry while its lease lasts.
     *
     * @param providers the providers this worker can query
     * @param staleBefore a pending entry last updated before this is abandoned
     * @param now the time
     * @param lease how long the worker holds the entries
     * @param limit at most this many
     * @return the leased entries
     */
    List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now, Duration lease, int limit);

    /**
     * Open entries ({@link JournalState#isOpen()}), oldest first, without leasing them: for listings.
     *
     * @param limit at most this many
     * @return the entries
     */
    List<JournalEntry> open(int limit);

    /**
     * Deletes finished entries ({@link JournalState#COMPLETED}, {@link JournalState#FAILED},
     * {@link JournalState#RESOLVED}) last updated before {@code finishedBefore}. A repeated call with a pruned
     * key sends again: keep entries longer than callers retry.
     *
     * @param finishedBefore the retention limit
     * @return how many entries were deleted
     */
    int prune(Instant finishedBefore);

    /**
     * A journal in this JVM's memory: it survives no restart, but gives one JVM the same idempotency (a
     * repeated key returns the recorded outcome, another request under it is refused).
     *
     * @return the journal
     */
    static ChargeJournal inMemory() {
        return new InMemoryChargeJournal();
    }

    /**
     * The answer of {@link #begin}.
     *
     * @param entry the stored entry
     * @param created whether {@code begin} stored it (false: it existed)
     */
    record Begin(JournalEntry entry, boolean created) {

        /**
         * Validates.
         *
         * @param entry required
         * @param created flag
         */
        public Begin {
            java.util.Objects.requireNonNull(entry, "entry");
        }
    }
}
