package io.dcb4j.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Several "instances" (token providers with their own in-JVM single flight) sharing one store. */
class SharedTokenStoreTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void twoInstancesWithManyThreadsAfterExpiryFetchExactlyOneToken() throws Exception {
        TokenStore store = TokenStore.inMemory();
        AtomicInteger fetches = new AtomicInteger();
        TokenSource source = previous -> AccessToken.bearer("t" + fetches.incrementAndGet(), clock.instant(),
                Duration.ofHours(1));
        store.put("k", AccessToken.bearer("old", clock.instant().minus(Duration.ofHours(2)), Duration.ofHours(1)));
        List<CachingTokenProvider> instances = List.of(provider(store, source), provider(store, source));

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<AccessToken>> got = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                CachingTokenProvider instance = instances.get(i % 2);
                got.add(pool.submit(() -> {
                    start.await();
                    return instance.token(Duration.ofSeconds(30));
                }));
            }
            start.countDown();
            for (Future<AccessToken> f : got) {
                assertThat(f.get().value()).isEqualTo("t1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aRefusedTokenIsDroppedOnlyWhenItIsStillTheStoredOne() {
        TokenStore store = TokenStore.inMemory();
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider a = provider(store, p -> AccessToken.bearer("t" + fetches.incrementAndGet(),
                clock.instant(), Duration.ofHours(1)));
        CachingTokenProvider b = provider(store, p -> AccessToken.bearer("t" + fetches.incrementAndGet(),
                clock.instant(), Duration.ofHours(1)));
        AccessToken first = a.token();
        b.invalidate(first);             // b's call got 401 with t1: dropped
        AccessToken second = b.token();  // one refresh
        a.invalidate(first);             // a's late 401 with t1 must not drop t2
        assertThat(a.token()).isEqualTo(second);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void whenAnotherInstanceHoldsTheLockPastTheDeadlineTheCallerTimesOutWithoutFetching() {
        AtomicInteger fetches = new AtomicInteger();
        TokenStore locked = new TokenStore() {
            @Override
            public Optional<AccessToken> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, AccessToken token) {
            }

            @Override
            public boolean remove(String key, AccessToken expected) {
                return false;
            }

            @Override
            public Optional<AccessToken> refresh(String key, Duration maxWait,
                    java.util.function.Function<Optional<AccessToken>, AccessToken> refresher) {
                return Optional.empty(); // the lock was not obtained within maxWait
            }
        };
        CachingTokenProvider p = provider(locked, prev -> AccessToken.bearer("t" + fetches.incrementAndGet(),
                clock.instant(), Duration.ofHours(1)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.token(Duration.ofMillis(1)))
                .isInstanceOf(DcbTransportException.class).hasMessageContaining("another instance");
        assertThat(fetches).hasValue(0);
    }

    @Test
    void aStoreWrittenBeforeLocksStillWorksThroughTheDefaultRefresh() {
        java.util.Map<String, AccessToken> map = new java.util.concurrent.ConcurrentHashMap<>();
        TokenStore legacy = new TokenStore() {
            @Override
            public Optional<AccessToken> get(String key) {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public void put(String key, AccessToken token) {
                map.put(key, token);
            }

            @Override
            public boolean remove(String key, AccessToken expected) {
                return map.remove(key, expected);
            }
        };
        CachingTokenProvider p = provider(legacy, prev -> AccessToken.bearer("t", clock.instant(),
                Duration.ofHours(1)));
        assertThat(p.token().value()).isEqualTo("t");
        assertThat(map).containsKey("k");
    }

    private CachingTokenProvider provider(TokenStore store, TokenSource source) {
        return CachingTokenProvider.builder("k", source).store(store).clock(clock).build();
    }
}
