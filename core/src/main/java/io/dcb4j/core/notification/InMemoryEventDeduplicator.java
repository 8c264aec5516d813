package io.dcb4j.core.notification;

import io.dcb4j.core.spi.support.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A bounded, expiring {@link EventDeduplicator} in this JVM's memory. Each claim is remembered as the
 * SHA-256 of the provider and the event id (64 hex characters), never the id itself, so memory per entry
 * is fixed whatever the length of the ids a provider (or an attacker) sends, and {@code maxEntries} bounds
 * memory. Completed claims are kept for {@code ttl} (the retention); a leased claim until its lease ends.
 * Thread-safe.
 */
public final class InMemoryEventDeduplicator implements EventDeduplicator {

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> claims = new LinkedHashMap<>();

    /** A claim: completed (kept until {@code until}) or leased (held until {@code until}). */
    private static final class Entry {
        final Instant until;
        final boolean completed;

        Entry(Instant until, boolean completed) {
            this.until = until;
            this.completed = completed;
        }
    }

    /**
     * Creates the deduplicator.
     *
     * @param maxEntries at least 1
     * @param ttl positive: how long completed claims are remembered
     * @param clock the clock for expiry
     */
    public InMemoryEventDeduplicator(int maxEntries, Duration ttl, Clock clock) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.maxEntries = maxEntries;
        this.ttl = ttl;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A fixed-size digest: 64 characters for an id of any length. */
    static String key(BillingEvent event) {
        return Digests.sha256Hex(event.provider() + '\u0000' + event.eventId(), 32);
    }

    @Override
    public synchronized boolean claim(BillingEvent event) {
        Instant now = clock.instant();
        String key = key(event);
        if (!take(key, now)) {
            return false;
        }
        put(key, new Entry(now.plus(ttl), true));
        return true;
    }

    @Override
    public synchronized void release(BillingEvent event) {
        claims.remove(key(event));
    }

    @Override
    public Optional<EventClaim> claim(BillingEvent event, Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive");
        }
        String key = key(event);
        Entry held;
        synchronized (this) {
            Instant now = clock.instant();
            if (!take(key, now)) {
                return Optional.empty();
            }
            held = new Entry(now.plus(lease), false);
            put(key, held);
        }
        return Optional.of(new Lease(key, held));
    }

    @Override
    public synchronized int prune() {
        Instant now = clock.instant();
        int before = claims.size();
        claims.values().removeIf(e -> !e.until.isAfter(now));
        return before - claims.size();
    }

    /** Whether the key is free to claim now: absent, or its claim expired. Evicts expired claims on the way. */
    private boolean take(String key, Instant now) {
        evictExpired(now);
        Entry e = claims.get(key);
        if (e != null && e.until.isAfter(now)) {
            return false;
        }
        claims.remove(key);
        return true;
    }

    private void put(String key, Entry entry) {
        claims.put(key, entry);
        while (claims.size() > maxEntries) {
            Iterator<String> it = claims.keySet().iterator();
            it.next();
            it.remove();
        }
    }

    /**
     * How many claims are remembered now.
     *
     * @return the count
     */
    public synchronized int size() {
        prune();
        return claims.size();
    }

    /** The stored keys, oldest first: for tests that check what a claim costs. */
    synchronized java.util.List<String> storedKeys() {
        return java.util.List.copyOf(claims.keySet());
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Entry>> it = claims.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Entry> e = it.next();
            if (!e.getValue().until.isAfter(now)) {
                it.remove();
            } else {
                break; // mostly insertion order: the rest expire later (a full pass is prune())
            }
        }
    }

    /** The handle of one leased claim; it acts only while the map still holds its own entry. */
    private final class Lease implements EventClaim {
        private final String key;
        private final Entry held;
        private boolean done;

        Lease(String key, Entry held) {
            this.key = key;
            this.held = held;
        }

        @Override
        public Instant leaseUntil() {
            return held.until;
        }

        @Override
        public boolean complete() {
            synchronized (InMemoryEventDeduplicator.this) {
                if (done) {
                    return false;
                }
                done = true;
                Entry current = claims.get(key);
                if (current != null && current != held) {
                    return false; // expired and taken over by another claim
                }
                claims.remove(key);
                put(key, new Entry(clock.instant().plus(ttl), true));
                return true;
            }
        }

        @Override
        public void release() {
            synchronized (InMemoryEventDeduplicator.this) {
                if (!done) {
                    done = true;
                    claims.remove(key, held);
                }
            }
        }
    }
}
