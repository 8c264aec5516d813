package io.dcb4j.core.observe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.testing.AcmeClient;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.core.testing.RecordingObserver;
import io.dcb4j.core.testing.WireMockTestSupport;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.core.token.TokenSource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What a client tells its observer: operations (typed calls request by request, neutral calls as one operation
 * whatever they request), retries, token requests, callbacks; and that no secret reaches it.
 */
class DcbObserverTest extends WireMockTestSupport {

    static final String CLIENT_SECRET = AcmeClient.CLIENT_SECRET;
    static final String TOKEN = AcmeClient.TOKEN;
    static final String PIN = "482916";
    static final String MSISDN = "21698765432";
    static final String CALLBACK_SECRET = AcmeClient.CALLBACK_SECRET;

    private static AcmeClient client(DcbObserver observer) {
        return new AcmeClient(wm.baseUrl(), fastOptionsBuilder().observer(observer).build());
    }

    @Test
    void aTypedCallIsOneOperationWithItsAttemptsRetriesAndTheProvidersRequestId() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/challenges/c1")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson("{\"session\":\"s1\"}").withHeader("X-Request-Id", "req-42")));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            assertThat(acme.lookup("c1")).isEqualTo("s1");
            assertThat(acme.lookup("c1")).isEqualTo("s1");
        }

        // the token endpoint's request belongs to the token request, not to an operation
        assertThat(observer.started).containsExactly("acme/lookup", "acme/lookup");
        OperationEvent first = observer.operations.get(0);
        assertThat(first.provider()).isEqualTo("acme");
        assertThat(first.operation()).isEqualTo("lookup");
        assertThat(first.outcome()).isEqualTo(OperationEvent.Outcome.SUCCESS);
        assertThat(first.errorType()).isEmpty();
        assertThat(first.error()).isEmpty();
        assertThat(first.retryable()).isFalse();
        assertThat(first.attempts()).isEqualTo(2);
        assertThat(first.retries()).isEqualTo(1);
        assertThat(first.requestId()).contains("req-42");
        assertThat(first.duration()).isPositive();
        assertThat(observer.operations.get(1).attempts()).isEqualTo(1);
        assertThat(observer.operations.get(1).retries()).isZero();

        assertThat(observer.retries).singleElement().satisfies(r -> {
            assertThat(r.provider()).isEqualTo("acme");
            assertThat(r.operation()).isEqualTo("lookup");
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.cause()).isEqualTo("503");
            assertThat(r.delay()).as("the policy's backoff, with its jitter").isPositive()
                    .isLessThan(Duration.ofMillis(10));
        });
        assertThat(observer.tokens).extracting(TokenEvent::outcome)
                .containsExactly(TokenEvent.Outcome.FETCHED, TokenEvent.Outcome.HIT, TokenEvent.Outcome.HIT);
        assertThat(observer.tokens).allSatisfy(t -> assertThat(t.provider()).isEqualTo("acme"));
        wm.verify(3, getRequestedFor(urlPathEqualTo("/challenges/c1")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aNeutralCallIsOneOperationAndItsOutcomeIsWhatTheCallerGotEvenFromASuccessfulAnswer() {
        AcmeClient.stubToken(wm);
        wm.stubFor(post(urlPathEqualTo("/pin")).willReturn(okJson("{\"challenge\":\"c7\"}")));
        wm.stubFor(get(urlPathEqualTo("/challenges/c7")).willReturn(okJson("{\"session\":\"s7\"}")));
        wm.stubFor(post(urlPathEqualTo("/confirm")).willReturn(okJson("{\"result\":\"KO\"}")
                .withHeader("X-Request-Id", "confirm-7")));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            PinSubscriptions pins = acme.pinSubscriptions().orElseThrow();
            PinChallenge challenge = pins.requestPin(SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of("gold")));
            assertThatThrownBy(() -> pins.confirmPin(challenge, "000000")).isInstanceOf(InvalidPinException.class);
        }

        assertThat(observer.started).containsExactly("acme/requestPin", "acme/confirmPin");
        assertThat(observer.operations).hasSize(2);
        OperationEvent request = observer.operations.get(0);
        assertThat(request.outcome()).isEqualTo(OperationEvent.Outcome.SUCCESS);
        assertThat(request.attempts()).isEqualTo(1);
        OperationEvent confirm = observer.operations.get(1);
        assertThat(confirm.operation()).isEqualTo("confirmPin");
        assertThat(confirm.outcome()).isEqualTo(OperationEvent.Outcome.FAILURE);
        assertThat(confirm.errorType()).contains("InvalidPinException");
        assertThat(confirm.error()).get().isInstanceOf(InvalidPinException.class);
        assertThat(confirm.retryable()).isFalse();
        assertThat(confirm.attempts()).as("the lookup and the confirm").isEqualTo(2);
        assertThat(confirm.requestId()).contains("confirm-7");
    }

    @Test
    void aFailedCallReportsItsErrorTypeWhetherItIsRetryableAndTheRequestId() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/gone")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Request-Id", "nf-1")));
        wm.stubFor(get(urlPathEqualTo("/challenges/down")).willReturn(aResponse().withStatus(503)));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            assertThatThrownBy(() -> acme.lookup("gone")).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> acme.lookup("down")).isInstanceOf(ProviderUnavailableException.class);
        }

        OperationEvent notFound = observer.operations.get(0);
        assertThat(notFound.outcome()).isEqualTo(OperationEvent.Outcome.FAILURE);
        assertThat(notFound.errorType()).contains("NotFoundException");
        assertThat(notFound.retryable()).isFalse();
        assertThat(notFound.attempts()).isEqualTo(1);
        assertThat(notFound.requestId()).contains("nf-1");
        OperationEvent down = observer.operations.get(1);
        assertThat(down.errorType()).contains("ProviderUnavailableException");
        assertThat(down.retryable()).isTrue();
        assertThat(down.attempts()).isEqualTo(3);
        assertThat(down.retries()).isEqualTo(2);
        assertThat(down.requestId()).isEmpty();
        assertThat(observer.retries).extracting(RetryEvent::attempt).containsExactly(1, 2);
    }

    @Test
    void aRefusedTokenIsOneRetryAndTwoFetches() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c2")).inScenario("expired").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(401)).willSetStateTo("renewed"));
        wm.stubFor(get(urlPathEqualTo("/challenges/c2")).inScenario("expired").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"session\":\"s2\"}")));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            assertThat(acme.lookup("c2")).isEqualTo("s2");
        }

        assertThat(observer.retries).containsExactly(new RetryEvent("acme", "lookup", 1, "401", Duration.ZERO));
        assertThat(observer.tokens).extracting(TokenEvent::outcome)
                .containsExactly(TokenEvent.Outcome.FETCHED, TokenEvent.Outcome.FETCHED);
        assertThat(observer.operations).singleElement().satisfies(op -> {
            assertThat(op.attempts()).isEqualTo(2);
            assertThat(op.retries()).isEqualTo(1);
        });
    }

    @Test
    void aTokenFetchThatFailsIsAFailedTokenRequestAndAFailedOperationWithoutAttempts() {
        wm.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            assertThatThrownBy(() -> acme.lookup("c3")).isInstanceOf(AuthenticationException.class);
        }

        assertThat(observer.tokens).singleElement().satisfies(t -> {
            assertThat(t.outcome()).isEqualTo(TokenEvent.Outcome.FAILED);
            assertThat(t.errorType()).contains("AuthenticationException");
            assertThat(t.error()).get().isInstanceOf(AuthenticationException.class);
        });
        assertThat(observer.started).containsExactly("acme/lookup");
        assertThat(observer.operations).singleElement().satisfies(op -> {
            assertThat(op.outcome()).isEqualTo(OperationEvent.Outcome.FAILURE);
            assertThat(op.errorType()).contains("AuthenticationException");
            assertThat(op.attempts()).as("the token endpoint's request is not the operation's").isZero();
        });
        wm.verify(0, getRequestedFor(urlPathEqualTo("/challenges/c3")));
    }

    /** A source whose first fetch waits until released. */
    static final class HeldSource implements TokenSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public AccessToken fetch(AccessToken previous) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DcbTransportException("interrupted", ErrorContext.of("acme", "token"), e);
            }
            return AccessToken.bearer(TOKEN, Instant.now().plusSeconds(3600));
        }
    }

    private static Thread caller(Supplier<AccessToken> call, CompletableFuture<AccessToken> outcome) {
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(call.get());
            } catch (RuntimeException e) {
                outcome.completeExceptionally(e);
            }
        });
        thread.start();
        return thread;
    }

    @Test
    void aCallerThatWaitsForAnotherCallersFetchSharesIt() throws Exception {
        HeldSource source = new HeldSource();
        RecordingObserver observer = new RecordingObserver();
        CachingTokenProvider tokens = CachingTokenProvider.builder("acme:abc", source).observer(observer).build();
        CompletableFuture<AccessToken> fetching = new CompletableFuture<>();
        caller(tokens::token, fetching);
        assertThat(source.entered.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<AccessToken> waiting = new CompletableFuture<>();
        Thread waiter = caller(tokens::token, waiting);
        while (waiter.getState() != Thread.State.WAITING && waiter.isAlive()) {
            Thread.onSpinWait();
        }
        source.release.countDown();
        assertThat(fetching.get(30, TimeUnit.SECONDS).value()).isEqualTo(TOKEN);
        assertThat(waiting.get(30, TimeUnit.SECONDS).value()).isEqualTo(TOKEN);

        assertThat(observer.tokens).extracting(TokenEvent::outcome)
                .containsExactlyInAnyOrder(TokenEvent.Outcome.FETCHED, TokenEvent.Outcome.SHARED);
    }

    @Test
    void callbacksAreReportedAcceptedRefusedWithTheReasonInvalidAndDuplicate() {
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            NotificationParser parser = acme.notifications().orElseThrow();
            BillingEvent event = parser.parse(InboundNotification.get("/cb?secret=" + CALLBACK_SECRET
                    + "&action=SUB&id=e1"));
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?secret=wrong&action=SUB&id=e2")))
                    .isInstanceOf(NotificationRejectedException.class);
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?secret=" + CALLBACK_SECRET
                    + "&secret=other&action=SUB&id=e3"))).isInstanceOf(NotificationRejectedException.class);
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?secret=" + CALLBACK_SECRET
                    + "&id=e4"))).isInstanceOf(DcbProtocolException.class);

            EventDeduplicator dedup = ObservedEventDeduplicator.of(EventDeduplicator.inMemory(10, Duration.ofHours(1)),
                    observer);
            assertThat(dedup.claim(event)).isTrue();
            assertThat(dedup.claim(event)).isFalse();
        }

        assertThat(observer.notifications).extracting(NotificationEvent::outcome).containsExactly(
                NotificationEvent.Outcome.ACCEPTED, NotificationEvent.Outcome.REFUSED,
                NotificationEvent.Outcome.REFUSED, NotificationEvent.Outcome.INVALID,
                NotificationEvent.Outcome.DUPLICATE);
        assertThat(observer.notifications).allSatisfy(n -> assertThat(n.provider()).isEqualTo("acme"));
        assertThat(observer.notifications.get(0).eventType()).contains(BillingEvent.Type.SUBSCRIBED);
        assertThat(observer.notifications.get(1).refusal()).contains(NotificationRejectedException.Reason.SHARED_SECRET);
        assertThat(observer.notifications.get(1).errorType()).contains("NotificationRejectedException");
        assertThat(observer.notifications.get(2).refusal()).contains(NotificationRejectedException.Reason.AMBIGUOUS);
        assertThat(observer.notifications.get(3).errorType()).contains("DcbProtocolException");
        assertThat(observer.notifications.get(3).refusal()).isEmpty();
        assertThat(observer.notifications.get(4).eventType()).contains(BillingEvent.Type.SUBSCRIBED);
    }

    @Test
    void aCallbackFromOutsideTheAllowListIsRefusedForItsSourceAddress() {
        RecordingObserver observer = new RecordingObserver();
        NotificationParser parser = ObservedNotificationParser.of("acme", n -> {
            SourceAddressAllowList.of("10.0.0.0/8").require("acme", n);
            throw new AssertionError("not reached");
        }, observer);
        assertThatThrownBy(() -> parser.parse(InboundNotification.builder("GET").uri("/cb?x=1")
                .remoteAddress("192.0.2.7").build())).isInstanceOf(NotificationRejectedException.class);

        assertThat(observer.notifications).singleElement().satisfies(n -> {
            assertThat(n.outcome()).isEqualTo(NotificationEvent.Outcome.REFUSED);
            assertThat(n.refusal()).contains(NotificationRejectedException.Reason.SOURCE_ADDRESS);
        });
    }

    @Test
    void noSecretTokenPinOrFullMsisdnReachesTheObserverEvenWhenTheProviderEchoesThem() {
        AcmeClient.stubToken(wm);
        String echo = "secret " + CLIENT_SECRET + " token " + TOKEN + " pin " + PIN + " msisdn " + MSISDN;
        wm.stubFor(post(urlPathEqualTo("/pin")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "r-" + MSISDN + "-" + TOKEN)
                .withBody("{\"error\":\"" + echo + "\"}")));
        wm.stubFor(post(urlPathEqualTo("/confirm")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", PIN + "-" + CLIENT_SECRET)
                .withBody("{\"error\":\"" + echo + "\"}")));
        wm.stubFor(get(urlPathEqualTo("/challenges/c9")).willReturn(okJson("{\"session\":\"s9\"}")));
        RecordingObserver observer = new RecordingObserver();
        try (AcmeClient acme = client(observer)) {
            PinSubscriptions pins = acme.pinSubscriptions().orElseThrow();
            SubscribeRequest request = SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of("gold"));
            assertThatThrownBy(() -> pins.requestPin(request)).isInstanceOf(InvalidRequestException.class);
            PinChallenge challenge = new PinChallenge("acme", "c9", request, null, new NextAction.EnterPin(null),
                    Map.of());
            assertThatThrownBy(() -> pins.confirmPin(challenge, PIN)).isInstanceOf(InvalidRequestException.class);
            NotificationParser parser = acme.notifications().orElseThrow();
            parser.parse(InboundNotification.get("/cb?secret=" + CALLBACK_SECRET + "&action=SUB&id=e1&msisdn="
                    + MSISDN));
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?secret=" + CALLBACK_SECRET + "x"
                    + "&action=SUB&msisdn=" + MSISDN))).isInstanceOf(NotificationRejectedException.class);
        }

        assertThat(observer.operations).hasSize(2);
        assertThat(observer.operations).allSatisfy(op -> assertThat(op.requestId()).isPresent());
        assertThat(observer.notifications).hasSize(2);
        String seen = observer.everything();
        for (String secret : List.of(CLIENT_SECRET, TOKEN, PIN, MSISDN, CALLBACK_SECRET)) {
            assertThat(seen).as("what the observer received").doesNotContain(secret);
        }
    }

    @Test
    void anObserverThatThrowsNeverBreaksTheCallAndIsLogged() {
        AcmeClient.stubToken(wm);
        wm.stubFor(get(urlPathEqualTo("/challenges/c5")).willReturn(okJson("{\"session\":\"s5\"}")));
        DcbObserver broken = new DcbObserver() {
            @Override
            public Completion<OperationEvent> operationStarted(String provider, String operation) {
                return event -> {
                    throw new IllegalStateException("metrics backend down");
                };
            }

            @Override
            public Completion<TokenEvent> tokenFetchStarted(String provider) {
                throw new IllegalStateException("metrics backend down");
            }
        };
        try (LogCapture logs = LogCapture.start(); AcmeClient acme = client(broken)) {
            assertThat(acme.lookup("c5")).isEqualTo("s5");
            assertThat(logs.lines()).filteredOn(l -> l.contains("observer")).hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("IllegalStateException").contains("ignored"));
        }
    }

    @Test
    void withTheNoOpObserverNothingIsWrapped() {
        try (AcmeClient plain = new AcmeClient(wm.baseUrl(), fastOptionsBuilder().build())) {
            assertThat(plain.pinSubscriptions()).containsSame(plain.parts().pinSubscriptions().orElseThrow());
            assertThat(plain.notifications()).containsSame(plain.parts().notifications().orElseThrow());
        }
        assertThat(ClientOptions.defaults().observer()).isSameAs(DcbObserver.noop());
        RecordingObserver observer = new RecordingObserver();
        ClientOptions options = ClientOptions.builder().observer(observer).build();
        assertThat(options.toBuilder().build().observer()).isSameAs(observer);
        EventDeduplicator dedup = EventDeduplicator.inMemory(1, Duration.ofMinutes(1));
        assertThat(ObservedEventDeduplicator.of(dedup, DcbObserver.noop())).isSameAs(dedup);
        NotificationParser parser = n -> null;
        assertThat(ObservedNotificationParser.of("acme", parser, DcbObserver.noop())).isSameAs(parser);
    }
}
