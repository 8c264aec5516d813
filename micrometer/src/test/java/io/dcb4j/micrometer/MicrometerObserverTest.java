package io.dcb4j.micrometer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.observe.ObservedEventDeduplicator;
import io.dcb4j.core.testing.AcmeClient;
import io.dcb4j.core.testing.WireMockTestSupport;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The observations a client gives Micrometer: their names, low- and high-cardinality key values, errors, parents
 * and counts; what Micrometer's meter handler makes of them; a replaced convention; and no secret in any of them.
 */
class MicrometerObserverTest extends WireMockTestSupport {

    static final String PIN = "482916";
    static final String MSISDN = "21698765432";
    static final Predicate<Observation.ContextView> IS_OPERATION = parent -> parent.getName().equals("dcb.operation");

    private static AcmeClient client(ObservationRegistry registry) {
        return new AcmeClient(wm.baseUrl(), fastOptionsBuilder().observer(MicrometerObserver.create(registry)).build());
    }

    /** Records the events observations receive (the retries), which the test registry keeps no count of. */
    static final class EventRecorder implements ObservationHandler<Observation.Context> {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(Observation.Event event, Observation.Context context) {
            events.add(context.getName() + " " + event.getName() + ": " + event.getContextualName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @Test
    void aCallIsADcbOperationObservationWithItsTokenFetchAsAChildAndItsRetryAsAnEvent() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"session\":\"s1\"}").withHeader("X-Request-Id", "req-42")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        EventRecorder recorder = new EventRecorder();
        registry.observationConfig().observationHandler(recorder);
        try (AcmeClient acme = client(registry)) {
            assertThat(acme.lookup("c1")).isEqualTo("s1");
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.operation", 1)
                .hasObservationWithNameEqualTo("dcb.operation").that()
                .hasContextualNameEqualTo("acme lookup")
                .hasLowCardinalityKeyValue("provider", "acme")
                .hasLowCardinalityKeyValue("operation", "lookup")
                .hasLowCardinalityKeyValue("outcome", "success")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasHighCardinalityKeyValue("request.id", "req-42")
                .hasHighCardinalityKeyValue("attempts", "2")
                .hasHighCardinalityKeyValue("retries", "1")
                .doesNotHaveHighCardinalityKeyValueWithKey("retryable")
                .doesNotHaveError()
                .doesNotHaveParentObservation();
        // the first attempt fetched the token, the retry found it cached: one fetch, a child of the operation
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.token.fetch", 1)
                .hasObservationWithNameEqualTo("dcb.token.fetch").that()
                .hasContextualNameEqualTo("acme token")
                .hasLowCardinalityKeyValue("provider", "acme")
                .hasLowCardinalityKeyValue("outcome", "fetched")
                .hasLowCardinalityKeyValue("error.type", "none")
                .hasParentObservationContextMatching(IS_OPERATION);
        assertThat(recorder.events).containsExactly("dcb.operation retry: retry after 503 (attempt 1)");
    }

    @Test
    void aFailedOperationCarriesItsErrorAndErrorTypeAlsoWhenTheProviderAnsweredTwoHundred() {
        AcmeClient.stubToken(wm);
        wm.stubFor(post(urlPathEqualTo("/pin")).willReturn(okJson("{\"challenge\":\"c7\"}")));
        wm.stubFor(get(urlPathEqualTo("/challenges/c7")).willReturn(okJson("{\"session\":\"s7\"}")));
        wm.stubFor(post(urlPathEqualTo("/confirm")).willReturn(okJson("{\"result\":\"KO\"}")
                .withHeader("X-Request-Id", "confirm-7")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (AcmeClient acme = client(registry)) {
            PinSubscriptions pins = acme.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of("gold")));
            assertThatThrownBy(() -> pins.confirmPin(challenge, PIN)).isInstanceOf(InvalidPinException.class);
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.operation", 2)
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.operation")
                        .hasLowCardinalityKeyValue("operation", "requestPin")
                        .hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.operation")
                        .hasLowCardinalityKeyValue("operation", "confirmPin")
                        .hasLowCardinalityKeyValue("outcome", "failure")
                        .hasLowCardinalityKeyValue("error.type", "InvalidPinException")
                        .hasHighCardinalityKeyValue("attempts", "2")
                        .hasHighCardinalityKeyValue("retryable", "false")
                        .doesNotHaveHighCardinalityKeyValueWithKey("retries")
                        .hasHighCardinalityKeyValue("request.id", "confirm-7")
                        .hasError()
                        .assertThatError().isInstanceOf(InvalidPinException.class));
    }

    @Test
    void aTokenFetchThatFailsIsAFailedTokenObservationInsideTheFailedOperation() {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)));
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (AcmeClient acme = client(registry)) {
            assertThatThrownBy(() -> acme.lookup("c3")).isInstanceOf(AuthenticationException.class);
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.token.fetch", 1)
                .hasObservationWithNameEqualTo("dcb.token.fetch").that()
                .hasLowCardinalityKeyValue("outcome", "failed")
                .hasLowCardinalityKeyValue("error.type", "AuthenticationException")
                .hasError()
                .hasParentObservationContextMatching(IS_OPERATION);
        TestObservationRegistryAssert.assertThat(registry).hasObservationWithNameEqualTo("dcb.operation").that()
                .hasLowCardinalityKeyValue("outcome", "failure")
                .hasHighCardinalityKeyValue("attempts", "0");
    }

    @Test
    void callbacksAreDcbNotificationObservationsWithOutcomeEventTypeAndRefusalReason() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        MicrometerObserver observer = MicrometerObserver.create(registry);
        try (AcmeClient acme = new AcmeClient(wm.baseUrl(), fastOptionsBuilder().observer(observer).build())) {
            NotificationParser parser = acme.notifications().orElseThrow();
            BillingEvent event = parser.parse(InboundNotification.get("/cb?secret=" + AcmeClient.CALLBACK_SECRET
                    + "&action=SUB&id=e1"));
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?secret=wrong&action=SUB")))
                    .isInstanceOf(NotificationRejectedException.class);
            EventDeduplicator dedup = ObservedEventDeduplicator.of(EventDeduplicator.inMemory(10, Duration.ofHours(1)),
                    observer);
            assertThat(dedup.claim(event)).isTrue();
            assertThat(dedup.claim(event)).isFalse();
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.notification", 3)
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.notification")
                        .hasContextualNameEqualTo("acme notification")
                        .hasLowCardinalityKeyValue("provider", "acme")
                        .hasLowCardinalityKeyValue("outcome", "accepted")
                        .hasLowCardinalityKeyValue("event.type", "subscribed")
                        .hasLowCardinalityKeyValue("refusal.reason", "none")
                        .hasLowCardinalityKeyValue("error.type", "none")
                        .doesNotHaveError())
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.notification")
                        .hasLowCardinalityKeyValue("outcome", "refused")
                        .hasLowCardinalityKeyValue("event.type", "none")
                        .hasLowCardinalityKeyValue("refusal.reason", "shared_secret")
                        .hasLowCardinalityKeyValue("error.type", "NotificationRejectedException")
                        .hasError())
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.notification")
                        .hasLowCardinalityKeyValue("outcome", "duplicate")
                        .hasLowCardinalityKeyValue("event.type", "subscribed"));
    }

    @Test
    void micrometersMeterHandlerMakesTimersPerProviderOperationOutcomeAndErrorTypeAndCountsRetries() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"session\":\"s1\"}")));
        wm.stubFor(get(urlPathEqualTo("/challenges/gone")).willReturn(aResponse().withStatus(404)));
        MeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try (AcmeClient acme = client(registry)) {
            acme.lookup("c1");
            acme.lookup("c1");
            assertThatThrownBy(() -> acme.lookup("gone")).isInstanceOf(io.dcb4j.core.error.NotFoundException.class);
        }

        assertThat(meters.get("dcb.operation").tags("provider", "acme", "operation", "lookup", "outcome", "success",
                "error.type", "none").timer().count()).isEqualTo(2);
        assertThat(meters.get("dcb.operation").tags("provider", "acme", "operation", "lookup", "outcome", "failure",
                "error.type", "NotFoundException").timer().count()).isEqualTo(1);
        assertThat(meters.get("dcb.operation.retry").tags("provider", "acme", "operation", "lookup").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("dcb.token.fetch").tags("provider", "acme", "outcome", "fetched").timer().count())
                .isEqualTo(1);
        assertThat(meters.find("dcb.token.fetch").tags("outcome", "hit").timer())
                .as("a cache hit is no observation by default").isNull();
        // the request id is high cardinality: never a tag of a meter
        assertThat(meters.getMeters()).allSatisfy(m -> assertThat(m.getId().getTag("request.id")).isNull());
    }

    @Test
    void cacheHitsAreObservedWhenAsked() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).willReturn(okJson("{\"session\":\"s1\"}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        MicrometerObserver observer = MicrometerObserver.builder(registry).observeTokenCacheHits(true).build();
        try (AcmeClient acme = new AcmeClient(wm.baseUrl(), fastOptionsBuilder().observer(observer).build())) {
            acme.lookup("c1");
            acme.lookup("c1");
            acme.lookup("c1");
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.token.fetch", 3)
                .hasAnObservation(o -> o.hasNameEqualTo("dcb.token.fetch").hasLowCardinalityKeyValue("outcome", "fetched"))
                .forAllObservationsWithNameEqualTo("dcb.token.fetch", o -> o
                        .hasParentObservationContextMatching(IS_OPERATION));
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> assertThat(contexts)
                .filteredOn(c -> c.getName().equals("dcb.token.fetch")
                        && "hit".equals(c.getLowCardinalityKeyValue("outcome").getValue()))
                .hasSize(2));
    }

    @Test
    void aReplacedConventionNamesTheObservationAndItsKeyValues() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).willReturn(okJson("{\"session\":\"s1\"}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        DcbOperationConvention shop = new DefaultDcbOperationConvention() {
            @Override
            public String getName() {
                return "shop.billing";
            }

            @Override
            public KeyValues getLowCardinalityKeyValues(DcbOperationContext context) {
                return super.getLowCardinalityKeyValues(context).and("tenant", "eu");
            }
        };
        MicrometerObserver observer = MicrometerObserver.builder(registry).operationConvention(shop).build();
        try (AcmeClient acme = new AcmeClient(wm.baseUrl(), fastOptionsBuilder().observer(observer).build())) {
            acme.lookup("c1");
        }

        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("dcb.operation", 0)
                .hasObservationWithNameEqualTo("shop.billing").that()
                .hasLowCardinalityKeyValue("tenant", "eu")
                .hasLowCardinalityKeyValue("outcome", "success");
    }

    @Test
    void noSecretTokenPinOrFullMsisdnReachesAnObservation() {
        AcmeClient.stubToken(wm);
        String echo = "secret " + AcmeClient.CLIENT_SECRET + " token " + AcmeClient.TOKEN + " pin " + PIN + " msisdn "
                + MSISDN;
        wm.stubFor(get(urlPathEqualTo("/challenges/c9")).willReturn(okJson("{\"session\":\"s9\"}")));
        wm.stubFor(post(urlPathEqualTo("/confirm")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", PIN + "-" + AcmeClient.TOKEN + "-" + MSISDN)
                .withBody("{\"error\":\"" + echo + "\"}")));
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (AcmeClient acme = client(registry)) {
            PinChallenge challenge = new PinChallenge("acme", "c9", SubscribeRequest.of(Msisdn.of(MSISDN),
                    OfferId.of("gold")), null, new io.dcb4j.core.model.NextAction.EnterPin(null), java.util.Map.of());
            assertThatThrownBy(() -> acme.pinSubscriptions().orElseThrow().confirmPin(challenge, PIN))
                    .isInstanceOf(InvalidRequestException.class);
            acme.notifications().orElseThrow().parse(InboundNotification.get("/cb?secret="
                    + AcmeClient.CALLBACK_SECRET + "&action=SUB&id=e1&msisdn=" + MSISDN));
        }

        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            assertThat(contexts).hasSizeGreaterThanOrEqualTo(3);
            StringBuilder seen = new StringBuilder();
            for (Observation.Context c : contexts) {
                seen.append(c.getName()).append(' ').append(c.getContextualName()).append(' ')
                        .append(c.getLowCardinalityKeyValues()).append(' ').append(c.getHighCardinalityKeyValues());
                if (c.getError() != null) {
                    seen.append(' ').append(c.getError());
                }
                seen.append('\n');
            }
            assertThat(seen.toString()).contains("request.id");
            for (String secret : List.of(AcmeClient.CLIENT_SECRET, AcmeClient.TOKEN, PIN, MSISDN,
                    AcmeClient.CALLBACK_SECRET)) {
                assertThat(seen.toString()).as("what the observations hold").doesNotContain(secret);
            }
        });
    }
}
