package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventClaimLeaseTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final InMemoryEventDeduplicator dedup = new InMemoryEventDeduplicator(1000, Duration.ofDays(7), clock);
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static BillingEvent event(String id) {
        return BillingEvent.builder("eklectic", BillingEvent.Type.CHARGED, id).build();
    }

    @Test
    void aCompletedClaimMakesRedeliveriesDuplicatesForTheRetentionThenIsPruned() {
        EventClaim claim = dedup.claim(event("e1"), LEASE).orElseThrow();
        assertThat(claim.leaseUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(dedup.claim(event("e1"), LEASE)).isEmpty(); // held by a live lease
        assertThat(claim.complete()).isTrue();

        clock.advance(Duration.ofDays(6));
        assertThat(dedup.claim(event("e1"), LEASE)).isEmpty();
        assertThat(dedup.claim(event("e1"))).isFalse();

        clock.advance(Duration.ofDays(2));
        assertThat(dedup.prune()).isEqualTo(1);
        assertThat(dedup.claim(event("e1"), LEASE)).isPresent();
    }

    @Test
    void aReleasedClaimLetsTheRedeliveryThrough() {
        dedup.claim(event("e2"), LEASE).orElseThrow().release();
        assertThat(dedup.claim(event("e2"), LEASE)).isPresent();
    }

    @Test
    void theLeaseOfACrashedInstanceExpiresAndTheRedeliveryIsProcessedOnce() {
        Optional<EventClaim> crashed = dedup.claim(event("e3"), LEASE); // never completed nor released
        assertThat(crashed).isPresent();
        clock.advance(LEASE.plusSeconds(1));

        EventClaim retry = dedup.claim(event("e3"), LEASE).orElseThrow();
        assertThat(dedup.claim(event("e3"), LEASE)).isEmpty();
        assertThat(retry.complete()).isTrue();
        // the crashed holder's late calls change nothing
        assertThat(crashed.get().complete()).isFalse();
        crashed.get().release();
        assertThat(dedup.claim(event("e3"), LEASE)).isEmpty();
    }

    @Test
    void completeAndReleaseActOnce() {
        EventClaim claim = dedup.claim(event("e4"), LEASE).orElseThrow();
        assertThat(claim.complete()).isTrue();
        claim.release();
        assertThat(claim.complete()).isFalse();
        assertThat(dedup.claim(event("e4"), LEASE)).isEmpty();
    }

    @Test
    void aDeduplicatorWrittenBeforeLeasesAdaptsThroughTheDefault() {
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        EventDeduplicator legacy = new EventDeduplicator() {
            @Override
            public boolean claim(BillingEvent event) {
                return seen.add(event.eventId());
            }

            @Override
            public void release(BillingEvent event) {
                seen.remove(event.eventId());
            }
        };
        legacy.claim(event("e5"), LEASE).orElseThrow().release();
        assertThat(legacy.claim(event("e5"), LEASE).orElseThrow().complete()).isTrue();
        assertThat(legacy.claim(event("e5"), LEASE)).isEmpty();
        assertThat(legacy.prune()).isZero();
    }
}
