package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.NotificationRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeduplicationAndAllowListTest {

    static BillingEvent event(String id) {
        return BillingEvent.builder("eklectic", BillingEvent.Type.RENEWED, id).build();
    }

    @Test
    void concurrentDuplicateDeliveriesAreProcessedOnce() throws Exception {
        EventDeduplicator dedup = EventDeduplicator.inMemory(1000, Duration.ofHours(1));
        AtomicInteger processed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            fs.add(pool.submit(() -> {
                go.await();
                if (dedup.claim(event("tx-1"))) {
                    processed.incrementAndGet();
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : fs) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(processed).hasValue(1);
    }

    @Test
    void aReleasedClaimLetsTheRetryThroughAndProvidersDoNotCollide() {
        EventDeduplicator dedup = EventDeduplicator.inMemory(10, Duration.ofHours(1));
        assertThat(dedup.claim(event("a"))).isTrue();
        assertThat(dedup.claim(event("a"))).isFalse();
        dedup.release(event("a"));
        assertThat(dedup.claim(event("a"))).isTrue();
        assertThat(dedup.claim(BillingEvent.builder("centili", BillingEvent.Type.CHARGED, "a").build())).isTrue();
    }

    @Test
    void isBoundedAndExpires() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        InMemoryEventDeduplicator dedup = new InMemoryEventDeduplicator(2, Duration.ofMinutes(10), clock);
        dedup.claim(event("1"));
        dedup.claim(event("2"));
        dedup.claim(event("3"));
        assertThat(dedup.size()).isEqualTo(2);
        assertThat(dedup.claim(event("1"))).isTrue(); // forgotten: the bound won
        now[0] = now[0].plus(Duration.ofMinutes(11));
        assertThat(dedup.size()).isZero();
        assertThat(dedup.claim(event("3"))).isTrue();
    }

    @Test
    void eachClaimCostsAFixedSizeDigestWhateverTheIdLength() {
        InMemoryEventDeduplicator dedup = new InMemoryEventDeduplicator(10, Duration.ofHours(1), Clock.systemUTC());
        String huge = "x".repeat(1_000_000);
        assertThat(dedup.claim(event(huge + "1"))).isTrue();
        assertThat(dedup.claim(event(huge + "2"))).isTrue(); // differs only in its last character
        assertThat(dedup.claim(event("short"))).isTrue();
        assertThat(dedup.claim(event(huge + "1"))).isFalse();
        assertThat(dedup.storedKeys()).hasSize(3).allSatisfy(k -> assertThat(k).hasSize(64).matches("[0-9a-f]{64}"))
                .doesNotHaveDuplicates();
        dedup.release(event(huge + "2"));
        assertThat(dedup.storedKeys()).hasSize(2);
        assertThat(dedup.claim(event(huge + "2"))).isTrue();
    }

    @Test
    void anEmptyAllowListIsRefusedRatherThanAdmittingNothingOrEverything() {
        assertThatThrownBy(SourceAddressAllowList::of).isInstanceOf(IllegalArgumentException.class);
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> SourceAddressAllowList.of(blank)).as("'" + blank + "'")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void allowListMatchesCidrBlocks() {
        SourceAddressAllowList list = SourceAddressAllowList.of("196.13.0.0/16", "10.0.0.7", "2001:db8::/32");
        assertThat(list.allows("196.13.200.1")).isTrue();
        assertThat(list.allows("196.14.0.1")).isFalse();
        assertThat(list.allows("10.0.0.7")).isTrue();
        assertThat(list.allows("10.0.0.8")).isFalse();
        assertThat(list.allows("2001:db8:1::5")).isTrue();
        assertThat(list.allows("::ffff:196.13.1.1")).isTrue();
        assertThat(list.allows("example.com")).isFalse();
        assertThat(list.allows(null)).isFalse();
        assertThat(SourceAddressAllowList.of("192.168.1.0/25").allows("192.168.1.127")).isTrue();
        assertThat(SourceAddressAllowList.of("192.168.1.0/25").allows("192.168.1.128")).isFalse();
        assertThatThrownBy(() -> SourceAddressAllowList.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourceAddressAllowList.of("host.example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void requireRejectsUnknownSources() {
        SourceAddressAllowList list = SourceAddressAllowList.of("127.0.0.0/8");
        list.require("eklectic", InboundNotification.builder("GET").remoteAddress("127.0.0.1").build());
        assertThatThrownBy(() -> list.require("eklectic", InboundNotification.builder("GET").build()))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("unknown");
        assertThatThrownBy(() -> list.require("eklectic",
                InboundNotification.builder("GET").remoteAddress("8.8.8.8").build()))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("8.8.8.8");
    }
}
