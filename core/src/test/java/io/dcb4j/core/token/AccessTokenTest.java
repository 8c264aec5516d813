package io.dcb4j.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final Duration SKEW = Duration.ofSeconds(60);

    @Test
    void absurdLifetimesSaturateAtTheMaximumInsteadOfThrowing() {
        AccessToken forever = AccessToken.bearer("t", T0, Duration.ofSeconds(Long.MAX_VALUE));
        assertThat(forever.expiresAt()).isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(forever.lifetime()).contains(Duration.ofDays(365));
        assertThat(forever.isExpired(T0.plus(Duration.ofDays(364)), SKEW)).isFalse();
        assertThat(forever.isExpired(T0.plus(Duration.ofDays(365)), SKEW)).isTrue();

        assertThat(AccessToken.expiryAfter(T0, Duration.ofSeconds(100_000_000_000_000_000L)))
                .isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(AccessToken.expiryAfter(T0, Duration.ofSeconds(-5))).isEqualTo(T0);
        assertThat(AccessToken.expiryAfter(T0, Duration.ofHours(12))).isEqualTo(T0.plus(Duration.ofHours(12)));
    }

    @Test
    void epochExpiriesSaturateIncludingOnesInstantCannotHold() {
        assertThat(AccessToken.expiryAtEpochSecond(T0, Long.MAX_VALUE)).isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(AccessToken.expiryAtEpochSecond(T0, 100_000_000_000_000_000L))
                .isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(AccessToken.expiryAtEpochSecond(T0, T0.getEpochSecond() + 3600)).isEqualTo(T0.plusSeconds(3600));
        assertThat(AccessToken.expiryAtEpochSecond(T0, 1)).isEqualTo(T0);
        assertThat(AccessToken.expiryAtEpochSecond(T0, Long.MIN_VALUE)).isEqualTo(T0);
        Instant before1970 = Instant.parse("1960-01-01T00:00:00Z");
        assertThat(AccessToken.expiryAtEpochSecond(before1970, Long.MAX_VALUE))
                .isEqualTo(before1970.plus(AccessToken.MAX_LIFETIME));
    }

    @Test
    void theConstructorKeepsExpiriesWithinTheLifetimeBoundsOfAKnownIssueTime() {
        AccessToken t = new AccessToken("t", Instant.MAX, "X-Auth", "", "r", Instant.MAX, T0);
        assertThat(t.expiresAt()).isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(t.refreshExpiresAt()).isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        AccessToken past = new AccessToken("t", T0.minusSeconds(10), "X-Auth", "", null, null, T0);
        assertThat(past.expiresAt()).isEqualTo(T0);
        assertThat(past.isExpired(T0, SKEW)).isTrue();
        // unknown issue time: taken as given, as before
        AccessToken legacy = AccessToken.bearer("t", Instant.MAX);
        assertThat(legacy.expiresAt()).isEqualTo(Instant.MAX);
        assertThat(legacy.issuedAt()).isNull();
        assertThat(legacy.lifetime()).isEmpty();
        assertThat(legacy.isExpired(T0, Duration.ofSeconds(Long.MAX_VALUE))).isTrue();
        assertThat(legacy.isExpired(T0, SKEW)).isFalse();
    }

    @Test
    void aShortLifetimeScalesTheSkewDownToHalfOfIt() {
        AccessToken shortLived = AccessToken.bearer("t", T0, Duration.ofSeconds(30));
        assertThat(shortLived.refreshMargin(SKEW)).isEqualTo(Duration.ofSeconds(15));
        assertThat(shortLived.isExpired(T0, SKEW)).isFalse();
        assertThat(shortLived.isExpired(T0.plusSeconds(14), SKEW)).isFalse();
        assertThat(shortLived.isExpired(T0.plusSeconds(15), SKEW)).isTrue();

        AccessToken hour = AccessToken.bearer("t", T0, Duration.ofHours(1));
        assertThat(hour.refreshMargin(SKEW)).isEqualTo(SKEW);
        assertThat(hour.isExpired(T0.plusSeconds(3539), SKEW)).isFalse();
        assertThat(hour.isExpired(T0.plusSeconds(3540), SKEW)).isTrue();

        AccessToken unknown = AccessToken.bearer("t", T0.plusSeconds(30));
        assertThat(unknown.refreshMargin(SKEW)).isEqualTo(SKEW);
        assertThat(unknown.isExpired(T0, SKEW)).isTrue();
    }

    @Test
    void theScaledSkewIsHalfTheLifetimeRoundedDownToTheNanosecond() {
        // odd seconds and an odd nanosecond count: 31.000000007 s halves to 15.500000003 s
        AccessToken odd = AccessToken.bearer("t", T0, Duration.ofSeconds(31, 7));
        assertThat(odd.refreshMargin(SKEW)).isEqualTo(Duration.ofSeconds(15, 500_000_003));
        // the longest lifetime kept, and a zero one
        AccessToken longest = AccessToken.bearer("t", T0, Duration.ofDays(365).plusNanos(999_999_999));
        assertThat(longest.refreshMargin(Duration.ofDays(400))).isEqualTo(Duration.ofDays(365).dividedBy(2));
        AccessToken none = AccessToken.bearer("t", T0, Duration.ZERO);
        assertThat(none.refreshMargin(SKEW)).isEqualTo(Duration.ZERO);
        assertThat(none.isExpired(T0, SKEW)).isTrue();
    }

    @Test
    void isExpiredAgreesWithTheRefreshMarginAtEveryScale() {
        java.util.Random random = new java.util.Random(7);
        Instant[] instants = {Instant.MIN, Instant.EPOCH, T0, T0.plusNanos(1), T0.minusNanos(1), Instant.MAX,
            Instant.MAX.minusNanos(1), Instant.MIN.plusNanos(1)};
        Duration[] skews = {Duration.ZERO, Duration.ofNanos(1), SKEW, Duration.ofSeconds(Long.MAX_VALUE, 999_999_999),
            Duration.ofDays(365), Duration.ofSeconds(30, 1)};
        for (int i = 0; i < 20_000; i++) {
            Instant issued = i % 3 == 0 ? null : T0.plusSeconds(random.nextInt(7200) - 3600).plusNanos(random.nextInt(1_000_000_000));
            Instant expires = i % 5 == 0 ? instants[random.nextInt(instants.length)]
                    : T0.plusSeconds(random.nextInt(7200) - 3600).plusNanos(random.nextInt(1_000_000_000));
            Instant now = i % 7 == 0 ? instants[random.nextInt(instants.length)]
                    : T0.plusSeconds(random.nextInt(7200) - 3600).plusNanos(random.nextInt(1_000_000_000));
            Duration skew = i % 2 == 0 ? skews[random.nextInt(skews.length)]
                    : Duration.ofSeconds(random.nextInt(200), random.nextInt(1_000_000_000));
            AccessToken t = new AccessToken("t", expires, "Authorization", "Bearer", null, null, issued);
            boolean expected = Duration.between(now, t.expiresAt()).compareTo(t.refreshMargin(skew)) <= 0;
            assertThat(t.isExpired(now, skew)).as("issued %s, expires %s, now %s, skew %s", issued, expires, now, skew)
                    .isEqualTo(expected);
        }
    }

    @Test
    void copiesKeepTheIssueTimeAndToStringShowsNoSecret() {
        AccessToken t = AccessToken.bearer("secret-token", T0, Duration.ofMinutes(5))
                .withRefreshToken("secret-refresh", T0.plus(Duration.ofDays(400)));
        assertThat(t.issuedAt()).isEqualTo(T0);
        assertThat(t.refreshExpiresAt()).isEqualTo(T0.plus(AccessToken.MAX_LIFETIME));
        assertThat(t.usableRefreshToken(T0)).contains("secret-refresh");
        assertThat(t.toString()).doesNotContain("secret");
        assertThat(new AccessToken("v", T0, "Authorization", "Bearer", null, null))
                .isEqualTo(AccessToken.bearer("v", T0));
    }
}
