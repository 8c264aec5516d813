package io.dcb4j.core.notification;

import java.time.Clock;
import java.time.Duration;

/**
 * Lets each notification through once, although providers deliver the same callback again when an answer
 * is slow or lost. Claim before processing, release if processing failed (so that the provider's retry is
 * processed), keep the claim on success:
 *
 * <pre>{@code
 * if (dedup.claim(event)) {
 *     try {
 *         process(event);
 *     } catch (RuntimeException e) {
 *         dedup.release(event);
 *         throw e;
 *     }
 * }
 * return event.acknowledgement();   // acknowledge duplicates too, or the provider keeps retrying
 * }</pre>
 *
 * The in-memory implementation serves one JVM; implement this interface over a shared store (a database
 * unique key, Redis {@code SET NX}) when several instances receive callbacks. Implementations are
 * thread-safe.
 */
public interface EventDeduplicator {

    /**
     * Claims an event for processing.
     *
     * @param event the parsed event
     * @return true for the first delivery (process it), false for a duplicate (only acknowledge it)
     */
    boolean claim(BillingEvent event);

    /**
     * Gives a claim back after processing failed, so that a redelivery is processed.
     *
     * @param event the event claimed earlier
     */
    void release(BillingEvent event);

    /**
     * An in-memory deduplicator remembering at most {@code maxEntries} events for {@code ttl} each. Each claim
     * is kept as a fixed-size digest of the provider and event id, so {@code maxEntries} bounds memory
     * whatever the length of the ids.
     *
     * @param maxEntries the bound; the oldest claims are forgotten first
     * @param ttl how long a claim is remembered
     * @return the deduplicator
     */
    static EventDeduplicator inMemory(int maxEntries, Duration ttl) {
        return new InMemoryEventDeduplicator(maxEntries, ttl, Clock.systemUTC());
    }
}
