package io.dcb4j.store.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances sharing tokens through the database, against a token endpoint that revokes the previous token
 * whenever it issues a new one (as many OAuth gateways do): after the token expired, 2 instances x 32 threads
 * cause exactly one token request, and no call is refused with 401.
 */
class TokenFleetTest extends WireMockTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeEach
    void revokingProvider() {
        Postgres.url();
        Postgres.truncate();
        // each token request issues the next token and revokes the one before: only the latest is accepted
        String state = Scenario.STARTED;
        for (int i = 1; i <= 3; i++) {
            wm.stubFor(post(urlEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"t" + i + "\",\"expires_in\":3600}"))
                    .willSetStateTo("t" + i));
            wm.stubFor(get(urlEqualTo("/subscriptions/s-1")).inScenario("tokens").whenScenarioStateIs("t" + i)
                    .withHeader("Authorization", equalTo("Bearer t" + i)).atPriority(1)
                    .willReturn(okJson("{\"state\":\"ACTIVE\"}")));
            state = "t" + i;
        }
        wm.stubFor(get(urlEqualTo("/subscriptions/s-1")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}")));
    }

    @Test
    void twoInstancesTimesThirtyTwoThreadsAfterExpirySendOneTokenRequestAndNo401() throws Exception {
        byte[] key = new byte[32];
        key[31] = 1;
        JdbcTokenStore storeA = JdbcTokenStore.builder(Postgres.dataSource()).encryptionKey(key).clock(clock).build();
        JdbcTokenStore storeB = JdbcTokenStore.builder(Postgres.dataSource()).encryptionKey(key).clock(clock).build();
        // the fleet's token expired an hour ago
        storeA.put(CachingTokenProvider.cacheKey("fake", wm.baseUrl(), "client-1"),
                AccessToken.bearer("t0", clock.instant().minus(Duration.ofHours(2)), Duration.ofHours(1)));

        try (BillingProvider a = Fleet.client(wm.baseUrl(), storeA, null, clock);
                BillingProvider b = Fleet.client(wm.baseUrl(), storeB, null, clock)) {
            List<Callable<SubscriptionInfo>> calls = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                BillingProvider instance = i % 2 == 0 ? a : b;
                calls.add(() -> instance.subscriptions().orElseThrow().status(SubscriptionRef.of("s-1")));
            }
            List<Object> outcomes = Fleet.together(calls);

            assertThat(outcomes).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(SubscriptionInfo.class,
                    info -> assertThat(info.state()).isEqualTo(SubscriptionState.ACTIVE)));
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/oauth/token")));
        wm.verify(64, getRequestedFor(urlEqualTo("/subscriptions/s-1")));
        wm.verify(64, getRequestedFor(urlEqualTo("/subscriptions/s-1")).withHeader("Authorization",
                equalTo("Bearer t1")));
        assertThat(wm.getAllServeEvents()).noneMatch(e -> e.getResponse().getStatus() == 401);
    }
}
