package io.dcb4j.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventClaim;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callback de-duplication across two instances sharing the claims table. */
class ClaimFleetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private EventDeduplicator a;
    private EventDeduplicator b;

    @BeforeEach
    void instances() {
        Postgres.url();
        Postgres.truncate();
        a = JdbcEventDeduplicator.create(Postgres.dataSource(), Duration.ofDays(7), clock);
        b = JdbcEventDeduplicator.create(Postgres.dataSource(), Duration.ofDays(7), clock);
    }

    private static BillingEvent event(String id) {
        return BillingEvent.builder("fake", BillingEvent.Type.CHARGED, id).build();
    }

    /** 64 deliveries of one callback, half on each instance, each processing and completing its claim. */
    private int deliver(BillingEvent event, AtomicInteger completed) throws InterruptedException {
        AtomicInteger processed = new AtomicInteger();
        List<Callable<Boolean>> deliveries = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            EventDeduplicator instance = i % 2 == 0 ? a : b;
            deliveries.add(() -> {
                Optional<EventClaim> claim = instance.claim(event, Fleet.lease());
                if (claim.isEmpty()) {
                    return false; // a duplicate: acknowledged only
                }
                processed.incrementAndGet();
                if (claim.get().complete()) {
                    completed.incrementAndGet();
                }
                return true;
            });
        }
        assertThat(Fleet.together(deliveries)).allMatch(o -> o instanceof Boolean);
        return processed.get();
    }

    @Test
    void sixtyFourConcurrentDeliveriesAcrossTwoInstancesAreProcessedOnce() throws Exception {
        AtomicInteger completed = new AtomicInteger();
        assertThat(deliver(event("tx-1"), completed)).isEqualTo(1);
        assertThat(completed).hasValue(1);
        // later redeliveries within the retention are duplicates on either instance
        assertThat(deliver(event("tx-1"), completed)).isZero();
    }

    @Test
    void theLeaseOfADeadInstanceExpiresAndTheRedeliveryIsProcessedOnce() throws Exception {
        EventClaim dead = a.claim(event("tx-2"), Fleet.lease()).orElseThrow(); // the instance dies here
        AtomicInteger completed = new AtomicInteger();
        assertThat(deliver(event("tx-2"), completed)).isZero(); // its lease still holds

        clock.advance(Fleet.lease().plusSeconds(1));
        assertThat(deliver(event("tx-2"), completed)).isEqualTo(1);
        assertThat(completed).hasValue(1);
        assertThat(dead.complete()).isFalse(); // the dead holder's late completion changes nothing
        assertThat(deliver(event("tx-2"), completed)).isZero();
    }

    @Test
    void aReleasedClaimIsProcessedAgainAndPruningForgetsAfterTheRetention() throws Exception {
        a.claim(event("tx-3"), Fleet.lease()).orElseThrow().release(); // processing failed: 5xx to the provider
        AtomicInteger completed = new AtomicInteger();
        assertThat(deliver(event("tx-3"), completed)).isEqualTo(1);

        assertThat(a.prune()).isZero();
        clock.advance(Duration.ofDays(8));
        assertThat(b.prune()).isEqualTo(1);
        assertThat(a.claim(event("tx-3"))).isTrue(); // forgotten: the one-step claim of the older API
        assertThat(b.claim(event("tx-3"))).isFalse();
    }
}
