package io.dcb4j.core.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A {@link ChargeJournal} in this JVM's memory. Thread-safe. */
public final class InMemoryChargeJournal implements ChargeJournal {

    private final Map<String, JournalEntry> entries = new HashMap<>();
    private final Map<String, Instant> leases = new HashMap<>();

    /** Creates an empty journal. */
    public InMemoryChargeJournal() {
    }

    private static String id(String provider, String key) {
        return provider + '\u0000' + key;
    }

    @Override
    public synchronized Begin begin(JournalEntry intent) {
        Objects.requireNonNull(intent, "intent");
        String id = id(intent.provider(), intent.idempotencyKey());
        JournalEntry existing = entries.get(id);
        if (existing != null) {
            return new Begin(existing, false);
        }
        entries.put(id, intent);
        return new Begin(intent, true);
    }

    @Override
    public synchronized boolean update(JournalEntry expected, JournalEntry next) {
        String id = id(expected.provider(), expected.idempotencyKey());
        JournalEntry current = entries.get(id);
        if (current == null || current.version() != expected.version()
                || !id.equals(id(next.provider(), next.idempotencyKey()))) {
            return false;
        }
        entries.put(id, next);
        return true;
    }

    @Override
    public synchronized Optional<JournalEntry> find(String provider, String idempotencyKey) {
        return Optional.ofNullable(entries.get(id(provider, idempotencyKey)));
    }

    @Override
    public synchronized List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now,
            Duration lease, int limit) {
        List<JournalEntry> found = new ArrayList<>();
        for (JournalEntry e : sorted()) {
            if (found.size() >= limit) {
                break;
            }
            boolean open = e.state() == JournalState.UNKNOWN
                    || (e.state() == JournalState.PENDING && e.updatedAt().isBefore(staleBefore));
            String id = id(e.provider(), e.idempotencyKey());
            Instant leased = leases.get(id);
            if (open && providers.contains(e.provider()) && (leased == null || !leased.isAfter(now))) {
                leases.put(id, now.plus(lease));
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public synchronized List<JournalEntry> open(int limit) {
        return sorted().stream().filter(e -> e.state().isOpen()).limit(limit).toList();
    }

    @Override
    public synchronized int prune(Instant finishedBefore) {
        int before = entries.size();
        entries.values().removeIf(e -> !e.state().isOpen() && e.state() != JournalState.PENDING
                && e.updatedAt().isBefore(finishedBefore));
        leases.keySet().retainAll(entries.keySet());
        return before - entries.size();
    }

    private List<JournalEntry> sorted() {
        List<JournalEntry> all = new ArrayList<>(entries.values());
        all.sort(Comparator.comparing(JournalEntry::createdAt));
        return all;
    }
}
