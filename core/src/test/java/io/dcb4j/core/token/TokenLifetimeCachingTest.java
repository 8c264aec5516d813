package io.dcb4j.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The cache's use of a token's lifetime: short-lived tokens are reused, absurd lifetimes do not throw. */
class TokenLifetimeCachingTest {

    @Test
    void aTokenThatLivesLessThanTheSkewIsReusedForHalfItsLifetime() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> AccessToken.bearer(
                "t" + fetches.incrementAndGet(), clock.instant(), Duration.ofSeconds(30)))
                .clock(clock).skew(Duration.ofSeconds(60)).build();

        assertThat(tokens.token().value()).isEqualTo("t1");
        assertThat(tokens.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(14));
        assertThat(tokens.token().value()).isEqualTo("t1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(tokens.token().value()).isEqualTo("t2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void anAbsurdLifetimeIsCachedForTheMaximumAndNeverThrows() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider tokens = CachingTokenProvider.builder("k", previous -> {
            fetches.incrementAndGet();
            return AccessToken.bearer("t", clock.instant(), Duration.ofSeconds(Long.MAX_VALUE));
        }).clock(clock).skew(Duration.ofSeconds(Long.MAX_VALUE)).build();
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.token().expiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        }
        // the skew is scaled to half the year: fetched once, then again after six months
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofDays(183));
        tokens.token();
        assertThat(fetches).hasValue(2);
    }
}
