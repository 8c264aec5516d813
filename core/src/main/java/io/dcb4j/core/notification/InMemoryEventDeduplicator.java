package io.dcb4j.core.notification;

import io.dcb4j.core.spi.support.Digests;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded, expiring {@link EventDeduplicator} in this JVM's memory. Each claim is remembered as the
 * SHA-256 of the provider and the event id (64 hex characters), never the id itself, so memory per entry
 * is fixed whatever the length of the ids a provider (or an attacker) sends, and {@code maxEntries} bounds
 * memory. Thread-safe.
 */
public final class InMemoryEventDeduplicator implements EventDeduplicator {

    private final int maxEntries;
    private final Duration ttl;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> claims = new LinkedHashMap<>();

    /**
     * Creates the deduplicator.
     *
     * @param maxEntries at least 1
     * @param ttl positive
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
        evictExpired(now);
        String key = key(event);
        if (claims.containsKey(key)) {
            return false;
        }
        claims.put(key, now.plus(ttl));
        while (claims.size() > maxEntries) {
            Iterator<String> it = claims.keySet().iterator();
            it.next();
            it.remove();
        }
        return true;
    }

    @Override
    public synchronized void release(BillingEvent event) {
        claims.remove(key(event));
    }

    /**
     * How many claims are remembered now.
     *
     * @return the count
     */
    public synchronized int size() {
        evictExpired(clock.instant());
        return claims.size();
    }

    /** The stored keys, oldest first: for tests that check what a claim costs. */
    synchronized java.util.List<String> storedKeys() {
        return java.util.List.copyOf(claims.keySet());
    }

    private void evictExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> it = claims.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Instant> e = it.next();
            if (!e.getValue().isAfter(now)) {
                it.remove();
            } else {
                break; // insertion order and a fixed ttl: the rest expire later
            }
        }
    }
}
