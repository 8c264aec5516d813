package io.dcb4j.core.notification;

import java.time.Instant;

/**
 * A lease on one event, from {@link EventDeduplicator#claim(BillingEvent, java.time.Duration)}: the holder
 * processes the event, then {@link #complete() completes} the claim (the event id is kept for the
 * deduplicator's retention period, and redeliveries are only acknowledged) or {@link #release() releases} it
 * (processing failed: the provider's next delivery is processed). When the holder dies before either, the
 * lease expires at {@link #leaseUntil()} and the next delivery is processed by whichever instance receives it.
 * Exactly one of {@code complete} and {@code release} has an effect; calling either again does nothing.
 */
public interface EventClaim {

    /**
     * Until when this claim holds the event; after that, another delivery may claim it.
     *
     * @return the end of the lease
     */
    Instant leaseUntil();

    /**
     * Marks the event processed: redeliveries within the retention period are duplicates.
     *
     * @return true when recorded; false when the lease had expired and another claim took the event over (it
     *     may then have been processed twice: the processing must be idempotent for that rare case)
     */
    boolean complete();

    /**
     * Gives the event back after processing failed, so that a redelivery is processed. Does nothing when the
     * lease had expired and another claim took the event over.
     */
    void release();
}
