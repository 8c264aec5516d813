package io.dcb4j.core.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets each notification through once, although providers deliver the same callback again when an answer
 * is slow or lost, possibly to another instance of the application. Claim with a lease before processing,
 * complete the claim on success, release it when processing failed (so that the provider's retry is
 * processed):
 *
 * <pre>{@code
 * Optional<EventClaim> claim = dedup.claim(event, Duration.ofMinutes(5));
 * if (claim.isPresent()) {
 *     try {
 *         process(event);
 *         claim.get().complete();
 *     } catch (RuntimeException e) {
 *         claim.get().release();
 *         throw e;
 *     }
 * }
 * return event.acknowledgement();   // acknowledge duplicates too, or the provider keeps retrying
 * }</pre>
 *
 * A claim whose instance died before completing it (a crash, {@code kill -9}) expires with its lease, and the
 * next delivery is processed. Completed ids are remembered for the deduplicator's retention period, then
 * {@link #prune() pruned}. The older {@link #claim(BillingEvent)} / {@link #release(BillingEvent)} pair claims
 * and completes in one step (a crash while processing then loses the event, as it always did).
 *
 * <p>The in-memory implementation serves one JVM; {@code dcb4j-store-jdbc} shares claims between instances
 * through a database. Implementations are thread-safe.
 */
public interface EventDeduplicator {

    /**
     * Claims and completes an event in one step: the claim is kept on success.
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
     * Claims an event for processing with a lease: present for the first delivery, and for a redelivery whose
     * earlier claim was released or whose lease expired without completion; empty for a duplicate (an event
     * completed within the retention period, or held by a live lease). The default implementation, for
     * deduplicators written before leases, claims with {@link #claim(BillingEvent)} (whose claim never
     * expires with a lease) and releases with {@link #release(BillingEvent)}.
     *
     * @param event the parsed event
     * @param lease how long the claim holds without completion: longer than processing ever takes
     * @return the claim, or empty for a duplicate
     */
    default Optional<EventClaim> claim(BillingEvent event, Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (!claim(event)) {
            return Optional.empty();
        }
        Instant until = Instant.now().plus(lease);
        AtomicBoolean done = new AtomicBoolean();
        return Optional.of(new EventClaim() {
            @Override
            public Instant leaseUntil() {
                return until;
            }

            @Override
            public boolean complete() {
                done.set(true);
                return true;
            }

            @Override
            public void release() {
                if (done.compareAndSet(false, true)) {
                    EventDeduplicator.this.release(event);
                }
            }
        });
    }

    /**
     * Forgets completed claims older than the retention period and expired leases. Implementations over a
     * shared store call this on a schedule; the in-memory one also prunes as it goes.
     *
     * @return how many claims were forgotten
     */
    default int prune() {
        return 0;
    }

    /**
     * An in-memory deduplicator remembering at most {@code maxEntries} events for {@code ttl} each (the
     * retention of completed claims). Each claim is kept as a fixed-size digest of the provider and event id,
     * so {@code maxEntries} bounds memory whatever the length of the ids.
     *
     * @param maxEntries the bound; the oldest claims are forgotten first
     * @param ttl how long a claim is remembered
     * @return the deduplicator
     */
    static EventDeduplicator inMemory(int maxEntries, Duration ttl) {
        return new InMemoryEventDeduplicator(maxEntries, ttl, Clock.systemUTC());
    }
}
