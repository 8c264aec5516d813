package io.dcb4j.core.token;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CachingTokenProviderTest {

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));

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
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }
    }

    @Test
    void thousandConcurrentCallersOnAColdCacheCauseExactlyOneFetch() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger lookups = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        InMemoryTokenStore memory = new InMemoryTokenStore();
        TokenStore counting = new TokenStore() {
            @Override
            public java.util.Optional<AccessToken> get(String key) {
                lookups.incrementAndGet();
                return memory.get(key);
            }

            @Override
            public void put(String key, AccessToken token) {
                memory.put(key, token);
            }

            @Override
            public boolean remove(String key, AccessToken expected) {
                return memory.remove(key, expected);
            }
        };
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> {
            fetches.incrementAndGet();
            try {
                // hold the fetch open until every caller has queued up behind it
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return AccessToken.bearer("t1", Instant.now().plusSeconds(3600));
        }).store(counting).build();
        int callers = 1000;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch started = new CountDownLatch(callers);
        List<Future<AccessToken>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                started.countDown();
                return tokens.token();
            }));
        }
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        // every caller has missed the cache (one look-up each, the fetcher two) before the fetch completes:
        // they are all queued behind the single flight, none was served by a token cached earlier
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lookups.get() < callers + 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(lookups.get()).isGreaterThanOrEqualTo(callers + 1);
        assertThat(fetches).hasValue(1);
        release.countDown();
        for (Future<AccessToken> f : results) {
            assertThat(f.get(30, TimeUnit.SECONDS).value()).isEqualTo("t1");
        }
        pool.shutdown();
        assertThat(fetches).hasValue(1);
    }

    @Test
    void refreshesAheadOfExpiryBySkew() {
        MutableClock clock = new MutableClock();
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> AccessToken.bearer(
                "t" + fetches.incrementAndGet(), clock.instant().plusSeconds(600)))
                .clock(clock).skew(Duration.ofSeconds(60)).build();
        assertThat(tokens.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(539));
        assertThat(tokens.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1)); // 60 s before expiry
        assertThat(tokens.token().value()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void invalidateDropsOnlyTheRejectedToken() {
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> AccessToken.bearer(
                "t" + fetches.incrementAndGet(), Instant.now().plusSeconds(600))).build();
        AccessToken first = tokens.token();
        tokens.invalidate(first);
        AccessToken second = tokens.token();
        assertThat(second.value()).isEqualTo("t2");
        tokens.invalidate(first); // a late 401 for the old token must not drop the new one
        assertThat(tokens.token()).isEqualTo(second);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void theSourceSeesThePreviousTokenForRefreshGrants() {
        MutableClock clock = new MutableClock();
        List<String> seen = new ArrayList<>();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> {
            seen.add(previous == null ? "none" : previous.refreshToken());
            return AccessToken.bearer("a", clock.instant().plusSeconds(100)).withRefreshToken("r" + seen.size(), null);
        }).clock(clock).skew(Duration.ZERO).build();
        tokens.token();
        clock.advance(Duration.ofSeconds(100));
        tokens.token();
        assertThat(seen).containsExactly("none", "r1");
    }

    @Test
    void aSharedStoreServesSeveralProviders() {
        TokenStore store = TokenStore.inMemory();
        AtomicInteger fetches = new AtomicInteger();
        TokenSource source = previous -> AccessToken.bearer("t" + fetches.incrementAndGet(),
                Instant.now().plusSeconds(600));
        CachingTokenProvider a = CachingTokenProvider.builder("k", source).store(store).build();
        CachingTokenProvider b = CachingTokenProvider.builder("k", source).store(store).build();
        assertThat(a.token()).isEqualTo(b.token());
        assertThat(fetches).hasValue(1);
    }

    @Test
    void toStringHidesTheTokens() {
        AccessToken t = AccessToken.bearer("secret-access", Instant.EPOCH).withRefreshToken("secret-refresh", null);
        assertThat(t.toString()).doesNotContain("secret-access").doesNotContain("secret-refresh");
        assertThat(t.headerValue()).isEqualTo("Bearer secret-access");
    }
}
