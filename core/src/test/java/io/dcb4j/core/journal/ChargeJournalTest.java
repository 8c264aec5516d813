package io.dcb4j.core.journal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.IdempotencyConflictException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.JournalUnavailableException;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.core.testing.WireFakeClient;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChargeJournalTest extends WireMockTestSupport {

    private static final Msisdn MSISDN = Msisdn.of("+21650123456");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private ChargeJournal journal;

    @BeforeEach
    void stubs() {
        journal = ChargeJournal.inMemory();
        wm.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"t1\",\"expires_in\":3600}")));
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(okJson("{\"id\":\"k-1\",\"state\":\"SUCCEEDED\"}")));
    }

    private BillingProvider client(ChargeJournal j) {
        return WireFakeClient.create(wm.baseUrl(), fastOptionsBuilder().clock(clock).chargeJournal(j).build());
    }

    private static ChargeRequest charge(String key, String amount) {
        return ChargeRequest.builder(Money.of(amount, "TND")).msisdn(MSISDN).offer(OfferId.of("gold"))
                .idempotencyKey(key).build();
    }

    private int charges() {
        return wm.findAll(postRequestedFor(urlEqualTo("/charges"))).size();
    }

    @Test
    void theSameKeyAndRequestReturnTheRecordedOutcomeWithoutSendingAgain() {
        try (BillingProvider p = client(journal)) {
            ChargeResult first = p.charges().orElseThrow().charge(charge("k-1", "1.50"));
            ChargeResult again = p.charges().orElseThrow().charge(charge("k-1", "1.5"));

            assertThat(again).isEqualTo(first);
            assertThat(again.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(charges()).isEqualTo(1);
            wm.verify(postRequestedFor(urlEqualTo("/charges")).withHeader("Idempotency-Key", equalTo("k-1")));
            JournalEntry entry = journal.find("fake", "k-1").orElseThrow();
            assertThat(entry.state()).isEqualTo(JournalState.COMPLETED);
            assertThat(entry.operation()).isEqualTo(JournalOperation.CHARGE);
            assertThat(entry.lookup()).contains("k-1");
        }
        // another instance of the client (same journal) replays too
        try (BillingProvider other = client(journal)) {
            assertThat(other.charges().orElseThrow().charge(charge("k-1", "1.50")).charge().id()).isEqualTo("k-1");
        }
        assertThat(charges()).isEqualTo(1);
    }

    @Test
    void aDifferentRequestUnderTheSameKeyIsRefusedAndNothingIsSent() {
        try (BillingProvider p = client(journal)) {
            p.charges().orElseThrow().charge(charge("k-1", "1.50"));

            assertThatThrownBy(() -> p.charges().orElseThrow().charge(charge("k-1", "2.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                        assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.DIFFERENT_REQUEST);
                        assertThat(e.provider()).isEqualTo("fake");
                        assertThat(e.operation()).isEqualTo("charge");
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain("k-1").doesNotContain(MSISDN.digits());
                    });
            assertThat(charges()).isEqualTo(1);
        }
    }

    @Test
    void aChargeWithoutKeyGetsOneThatIsSentAndJournaled() {
        try (BillingProvider p = client(journal)) {
            p.charges().orElseThrow().charge(charge(null, "1.00"));
        }
        String sent = wm.findAll(postRequestedFor(urlEqualTo("/charges"))).get(0).getHeader("Idempotency-Key");
        assertThat(sent).isNotBlank();
        assertThat(journal.find("fake", sent)).map(JournalEntry::state).contains(JournalState.COMPLETED);
    }

    @Test
    void noPersonalDataIsRecordedInClearButTheReplayHasIt() {
        wm.stubFor(post(urlEqualTo("/pins")).willReturn(okJson("{\"challenge\":\"ch-1\"}")));
        wm.stubFor(post(urlEqualTo("/pins/ch-1/confirm"))
                .willReturn(okJson("{\"subscription\":\"ch-1\",\"state\":\"ACTIVE\"}")));
        try (BillingProvider p = client(journal)) {
            PinChallenge challenge = p.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.of(MSISDN, OfferId.of("gold")));
            SubscriptionResult first = p.pinSubscriptions().orElseThrow().confirmPin(challenge, "4242");
            SubscriptionResult replayed = p.pinSubscriptions().orElseThrow().confirmPin(challenge, "4242");

            assertThat(replayed).isEqualTo(first);
            assertThat(replayed.subscription().msisdn()).isEqualTo(MSISDN);
            assertThat(replayed.details()).containsEntry("msisdnEcho", MSISDN.digits());
            assertThat(wm.findAll(postRequestedFor(urlEqualTo("/pins/ch-1/confirm")))).hasSize(1);
        }
        assertThat(journal.open(10)).isEmpty();
        JournalEntry entry = journal.find("fake", keyOfOnlyConfirm()).orElseThrow();
        assertThat(entry.state()).isEqualTo(JournalState.COMPLETED);
        String recorded = entry.idempotencyKey() + entry.requestDigest() + entry.outcome() + entry.lookupReference();
        assertThat(recorded).doesNotContain(MSISDN.digits()).doesNotContain("4242");
        assertThat(entry.lookup()).contains("ch-1");
    }

    private String keyOfOnlyConfirm() {
        return io.dcb4j.core.internal.journal.RequestDigests.confirmPinKey("fake", new PinChallenge("fake", "ch-1",
                SubscribeRequest.of(MSISDN, OfferId.of("gold")), null,
                new io.dcb4j.core.model.NextAction.EnterPin(null),
                Map.of()));
    }

    @Test
    void aRefusalAppliedNothingSoTheSameRequestMaySendAgain() {
        wm.stubFor(post(urlEqualTo("/pins/ch-9/confirm")).inScenario("pin").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"wrong pin\"}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo("/pins/ch-9/confirm")).inScenario("pin").whenScenarioStateIs("second")
                .willReturn(okJson("{\"subscription\":\"ch-9\",\"state\":\"ACTIVE\"}")));
        PinChallenge challenge = new PinChallenge("fake", "ch-9", SubscribeRequest.of(MSISDN, OfferId.of("gold")),
                null, new io.dcb4j.core.model.NextAction.EnterPin(null), Map.of());
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.pinSubscriptions().orElseThrow().confirmPin(challenge, "0000"))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(p.pinSubscriptions().orElseThrow().confirmPin(challenge, "4242").state())
                    .isEqualTo(SubscriptionState.ACTIVE);
        }
        wm.verify(postRequestedFor(urlEqualTo("/pins/ch-9/confirm"))
                .withRequestBody(matchingJsonPath("$.pin", equalTo("0000"))));
        wm.verify(postRequestedFor(urlEqualTo("/pins/ch-9/confirm"))
                .withRequestBody(matchingJsonPath("$.pin", equalTo("4242"))));
    }

    @Test
    void aTransportErrorAfterSendingLeavesTheOutcomeUnknownAndARepeatIsRefusedUntilReconciled() {
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlEqualTo("/charges/k-2"))
                .willReturn(okJson("{\"id\":\"k-2\",\"state\":\"SUCCEEDED\",\"amount\":\"3.00\","
                        + "\"currency\":\"TND\"}")));
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.charges().orElseThrow().charge(charge("k-2", "3.00")))
                    .isInstanceOf(DcbTransportException.class);
            int sent = charges();
            assertThat(journal.find("fake", "k-2")).map(JournalEntry::state).contains(JournalState.UNKNOWN);

            assertThatThrownBy(() -> p.charges().orElseThrow().charge(charge("k-2", "3.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.OUTCOME_UNKNOWN));
            assertThat(charges()).isEqualTo(sent);

            List<Resolution> heard = new ArrayList<>();
            Reconciler reconciler = Reconciler.builder(journal).provider(p).listener(heard::add).clock(clock).build();
            List<Resolution> run = reconciler.runOnce();

            assertThat(run).hasSize(1).first().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                assertThat(r.chargeStatus()).map(ChargeResult::state).contains(ChargeState.SUCCEEDED);
            });
            assertThat(heard).isEqualTo(run);
            wm.verify(1, getRequestedFor(urlEqualTo("/charges/k-2")));
            assertThat(reconciler.runOnce()).isEmpty();

            ChargeResult replayed = p.charges().orElseThrow().charge(charge("k-2", "3.00"));
            assertThat(replayed.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(replayed.amount()).isEqualTo(Money.of("3.00", "TND"));
            assertThat(charges()).isEqualTo(sent);
        }
    }

    @Test
    void anAbandonedPendingIntentIsResolvedOnceStaleAndNotFoundMeansNotApplied() {
        journal.begin(JournalEntry.intent("fake", "k-3", JournalOperation.CHARGE,
                io.dcb4j.core.internal.journal.RequestDigests.charge("fake", charge("k-3", "1.00")), "k-3",
                clock.instant()));
        wm.stubFor(get(urlEqualTo("/charges/k-3")).willReturn(aResponse().withStatus(404)));
        try (BillingProvider p = client(journal)) {
            Reconciler reconciler = Reconciler.builder(journal).provider(p).clock(clock)
                    .staleAfter(Duration.ofMinutes(5)).build();
            assertThatThrownBy(() -> p.charges().orElseThrow().charge(charge("k-3", "1.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.IN_PROGRESS));
            assertThat(reconciler.runOnce()).isEmpty(); // still young: its call may be running
            assertThat(reconciler.open(10)).extracting(JournalEntry::idempotencyKey).containsExactly("k-3");

            clock.advance(Duration.ofMinutes(6));
            assertThat(reconciler.runOnce()).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(Resolution.Kind.NOT_APPLIED));
            wm.verify(1, getRequestedFor(urlEqualTo("/charges/k-3")));
            assertThat(charges()).isZero();

            // nothing was applied: the same request is sent, once
            p.charges().orElseThrow().charge(charge("k-3", "1.00"));
            assertThat(charges()).isEqualTo(1);
        }
    }

    @Test
    void withoutAReferenceOrAStatusOperationAnIntentNeedsReviewAndIsNeverRetried() {
        journal.begin(JournalEntry.intent("fake", "k-4", JournalOperation.CHARGE, "d", null, clock.instant()));
        clock.advance(Duration.ofHours(1));
        try (BillingProvider p = client(journal)) {
            Reconciler reconciler = Reconciler.builder(journal).provider(p).clock(clock).build();
            assertThat(reconciler.runOnce()).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(Resolution.Kind.NEEDS_REVIEW));
            clock.advance(Duration.ofHours(1));
            assertThat(reconciler.runOnce()).isEmpty();
            assertThat(reconciler.open(10)).singleElement()
                    .satisfies(e -> assertThat(e.state()).isEqualTo(JournalState.NEEDS_REVIEW));
            assertThat(wm.getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void aListenerFailureRecordsNothingAndTheEntryComesBack() {
        journal.begin(JournalEntry.intent("fake", "k-5", JournalOperation.CHARGE, "d", "k-5", clock.instant()));
        wm.stubFor(get(urlEqualTo("/charges/k-5")).willReturn(okJson("{\"id\":\"k-5\",\"state\":\"DENIED\"}")));
        clock.advance(Duration.ofHours(1));
        try (BillingProvider p = client(journal)) {
            Reconciler failing = Reconciler.builder(journal).provider(p).clock(clock).lease(Duration.ofMinutes(1))
                    .listener(r -> {
                        throw new IllegalStateException("listener down");
                    }).build();
            assertThat(failing.runOnce()).isEmpty();
            assertThat(journal.find("fake", "k-5")).map(JournalEntry::state).contains(JournalState.PENDING);
            clock.advance(Duration.ofMinutes(2));
            assertThat(Reconciler.builder(journal).provider(p).clock(clock).build().runOnce()).singleElement()
                    .satisfies(r -> assertThat(r.chargeStatus()).map(ChargeResult::state).contains(ChargeState.DENIED));
        }
    }

    @Test
    void whenTheJournalIsDownTheWriteFailsClosedBeforeSending() {
        ChargeJournal down = ChargeJournal.inMemory();
        ChargeJournal broken = new ChargeJournal() {
            @Override
            public Begin begin(JournalEntry intent) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public boolean update(JournalEntry expected, JournalEntry next) {
                throw new IllegalStateException("database is down");
            }

            @Override
            public java.util.Optional<JournalEntry> find(String provider, String idempotencyKey) {
                return down.find(provider, idempotencyKey);
            }

            @Override
            public List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now,
                    Duration lease, int limit) {
                return List.of();
            }

            @Override
            public List<JournalEntry> open(int limit) {
                return List.of();
            }

            @Override
            public int prune(Instant finishedBefore) {
                return 0;
            }
        };
        try (BillingProvider p = client(broken)) {
            assertThatThrownBy(() -> p.charges().orElseThrow().charge(charge("k-6", "1.00")))
                    .isInstanceOfSatisfying(JournalUnavailableException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.provider()).isEqualTo("fake");
                    });
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void renewalsAreJournaledPerSubscriptionAndAPastPeriodRenewsAgain() {
        wm.stubFor(post(urlEqualTo("/subscriptions/s-1/renew")).willReturn(okJson("{\"state\":\"SUCCEEDED\"}")));
        SubscriptionRef ref = SubscriptionRef.of("s-1", MSISDN);
        try (BillingProvider p = client(journal)) {
            RenewResult first = p.renewals().orElseThrow().renew(ref);
            assertThat(p.renewals().orElseThrow().renew(ref)).isEqualTo(first);
            wm.verify(1, postRequestedFor(urlEqualTo("/subscriptions/s-1/renew")));

            clock.advance(Duration.ofDays(30));
            p.renewals().orElseThrow().renew(ref);
            wm.verify(2, postRequestedFor(urlEqualTo("/subscriptions/s-1/renew")));
        }
    }

    @Test
    void theRegistryAppliesTheJournalOfTheBaseOptionsToAnyProvider() {
        ClientOptions base = ClientOptions.builder().chargeJournal(journal).clock(clock).build();
        try (BillingProvider p = BillingProviders.create("fake",
                Map.of("base-url", wm.baseUrl(), "allow-insecure-http", "true", "max-attempts", "1"), base)) {
            p.charges().orElseThrow().charge(charge("k-7", "1.00"));
            p.charges().orElseThrow().charge(charge("k-7", "1.00"));
        }
        assertThat(charges()).isEqualTo(1);
        assertThat(journal.find("fake", "k-7")).isPresent();
        wm.verify(0, getRequestedFor(urlPathMatching("/charges/.*")));
    }

    @Test
    void journalEntriesArePrunedAfterTheirRetentionButOpenOnesStay() {
        journal.begin(JournalEntry.intent("fake", "open", JournalOperation.CHARGE, "d", null, clock.instant()));
        try (BillingProvider p = client(journal)) {
            p.charges().orElseThrow().charge(charge("k-8", "1.00"));
        }
        clock.advance(Duration.ofDays(31));
        assertThat(journal.prune(clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(journal.find("fake", "k-8")).isEmpty();
        assertThat(journal.find("fake", "open")).isPresent();
    }
}
