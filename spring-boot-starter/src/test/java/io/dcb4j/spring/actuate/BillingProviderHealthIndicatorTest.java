package io.dcb4j.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The per-provider health: what it calls, what it concludes, and how long it keeps a result. */
class BillingProviderHealthIndicatorTest {

    private static final Map<String, Simulator> SIMS = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    @BeforeAll
    static void start() {
        for (String id : Simulators.ids()) {
            SIMS.put(id, Simulators.start(id));
        }
    }

    @AfterAll
    static void stop() {
        SIMS.values().forEach(Simulator::close);
    }

    private static BillingProvider client(String id, Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>(SIMS.get(id).clientConfig());
        config.putAll(overrides);
        return BillingProviders.create(id, config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eklectic", "infomedia", "eclipse-vas", "centili", "b2m-aoc"})
    void everyProviderIsUpAgainstItsSimulator(String id) {
        try (BillingProvider provider = client(id, Map.of())) {
            Health health = new BillingProviderHealthIndicator(provider, true, Duration.ofMinutes(5), clock).health();
            assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("provider", id).containsEntry("configuration", "valid")
                    .containsKey("probe");
        }
    }

    @Test
    void aResultIsKeptForTheCacheTimeSoThatChecksDoNotReachTheProviderEachTime() {
        Simulator sim = SIMS.get("centili");
        try (BillingProvider provider = client("centili", Map.of())) {
            BillingProviderHealthIndicator indicator = new BillingProviderHealthIndicator(provider, true,
                    Duration.ofMinutes(5), clock);
            sim.reset();
            assertThat(indicator.health().getDetails()).containsEntry("result",
                    "answered NotFoundException: reachable, credentials accepted");
            int afterFirst = sim.requests().size();
            assertThat(afterFirst).as("a token and a status read").isGreaterThan(0);

            clock.advance(Duration.ofMinutes(4));
            indicator.health();
            assertThat(sim.requests()).as("cached").hasSize(afterFirst);

            clock.advance(Duration.ofMinutes(2));
            indicator.health();
            assertThat(sim.requests().size()).as("checked again after the cache time").isGreaterThan(afterFirst);
        }
    }

    @Test
    void refusedCredentialsAreDownWithoutShowingThem() {
        try (BillingProvider provider = client("eklectic", Map.of("client-secret", "wrong-secret-42"))) {
            Health health = new BillingProviderHealthIndicator(provider, true, Duration.ofMinutes(5), clock).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("result", "credentials refused")
                    .containsEntry("error", "io.dcb4j.core.error.AuthenticationException");
            assertThat(health.toString()).doesNotContain("wrong-secret-42");
        }
    }

    @Test
    void anUnreachableProviderIsDown() {
        Simulator gone = Simulators.start("eklectic");
        Map<String, String> config = new HashMap<>(gone.clientConfig());
        gone.close();
        config.put("max-attempts", "1");
        config.put("connect-timeout", "2s");
        try (BillingProvider provider = BillingProviders.create("eklectic", config)) {
            Health health = new BillingProviderHealthIndicator(provider, true, Duration.ofMinutes(5), clock).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("result", "unreachable or unavailable");
        }
    }

    @Test
    void withProbingOffOnlyTheConfigurationIsCheckedAndNothingIsSent() {
        Simulator sim = SIMS.get("eklectic");
        try (BillingProvider provider = client("eklectic", Map.of())) {
            sim.reset();
            Health health = new BillingProviderHealthIndicator(provider, false, Duration.ofMinutes(5), clock).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("probe", "off");
            assertThat(sim.requests()).isEmpty();
        }
    }
}
