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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.IdempotencyConflictException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.JournalUnavailableException;
import io.dcb4j.core.internal.journal.RequestDigests;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.core.testing.WireFakeClient;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Refunds through the charge journal: sent once per idempotency key across calls and client instances,
 * refused under another request, failed closed without the journal, and resolved after a lost answer by the
 * refund the provider finds under the key.
 */
class JournaledRefundsTest extends WireMockTestSupport {

    private static final ChargeRef CHARGE = ChargeRef.of("ch-1");
    private static final String REFUNDS = "/charges/ch-1/refunds";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private ChargeJournal journal;

    @BeforeEach
    void stubs() {
        journal = ChargeJournal.inMemory();
        wm.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"t1\",\"expires_in\":3600}")));
        wm.stubFor(post(urlEqualTo(REFUNDS)).willReturn(okJson("{\"refund\":\"rf-1\",\"state\":\"SUCCEEDED\","
                + "\"amount\":\"1.50\",\"currency\":\"TND\"}")));
    }

    private BillingProvider client(ChargeJournal j) {
        return WireFakeClient.create(wm.baseUrl(), fastOptionsBuilder().clock(clock).chargeJournal(j).build());
    }

    private static RefundRequest refund(String key, String amount) {
        return RefundRequest.builder(CHARGE).amount(Money.of(amount, "TND")).reason("damaged").idempotencyKey(key)
                .build();
    }

    private int refundsSent() {
        return wm.findAll(postRequestedFor(urlEqualTo(REFUNDS))).size();
    }

    private Reconciler reconciler(BillingProvider p) {
        return Reconciler.builder(journal).provider(p).clock(clock).build();
    }

    @Test
    void theSameKeyAndRequestReturnTheRecordedRefundWithoutSendingAgainOnAnyInstance() {
        RefundResult first;
        try (BillingProvider p = client(journal)) {
            first = p.refunds().orElseThrow().refund(refund("r-1", "1.50"));
            RefundResult again = p.refunds().orElseThrow().refund(refund("r-1", "1.5"));

            assertThat(again).isEqualTo(first);
            assertThat(again.refund()).isEqualTo(RefundRef.of(CHARGE, "rf-1"));
            assertThat(again.state()).isEqualTo(RefundState.SUCCEEDED);
            assertThat(again.amount()).isEqualTo(Money.of("1.50", "TND"));
        }
        try (BillingProvider other = client(journal)) {
            assertThat(other.refunds().orElseThrow().refund(refund("r-1", "1.50"))).isEqualTo(first);
        }
        assertThat(refundsSent()).isEqualTo(1);
        wm.verify(postRequestedFor(urlEqualTo(REFUNDS)).withHeader("Idempotency-Key", equalTo("r-1"))
                .withRequestBody(matchingJsonPath("$.amount", equalTo("1.50"))));
        JournalEntry entry = journal.find("fake", "r-1").orElseThrow();
        assertThat(entry.operation()).isEqualTo(JournalOperation.REFUND);
        assertThat(entry.state()).isEqualTo(JournalState.COMPLETED);
        assertThat(entry.lookup()).contains("ch-1");
        assertThat(entry.requestDigest()).isEqualTo(RequestDigests.refund("fake", refund("r-1", "1.5")));
    }

    @Test
    void anotherRefundUnderTheSameKeyIsRefusedAndNothingIsSent() {
        try (BillingProvider p = client(journal)) {
            p.refunds().orElseThrow().refund(refund("r-2", "1.50"));

            for (RefundRequest other : List.of(refund("r-2", "2.00"),
                    RefundRequest.builder(ChargeRef.of("ch-2")).amount(Money.of("1.50", "TND")).reason("damaged")
                            .idempotencyKey("r-2").build(),
                    RefundRequest.builder(CHARGE).reason("damaged").idempotencyKey("r-2").build(),
                    RefundRequest.builder(CHARGE).amount(Money.of("1.50", "TND")).reason("late")
                            .idempotencyKey("r-2").build())) {
                assertThatThrownBy(() -> p.refunds().orElseThrow().refund(other))
                        .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> {
                            assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.DIFFERENT_REQUEST);
                            assertThat(e.provider()).isEqualTo("fake");
                            assertThat(e.operation()).isEqualTo("refund");
                            assertThat(e.getMessage()).doesNotContain("r-2");
                        });
            }
        }
        assertThat(refundsSent()).isEqualTo(1);
    }

    @Test
    void aRefundWithoutKeyGetsOneThatIsSentAndJournaled() {
        try (BillingProvider p = client(journal)) {
            p.refunds().orElseThrow().refund(RefundRequest.builder(CHARGE).build());
            p.refunds().orElseThrow().refund(RefundRequest.builder(CHARGE).build());
        }
        List<String> keys = wm.findAll(postRequestedFor(urlEqualTo(REFUNDS))).stream()
                .map(r -> r.getHeader("Idempotency-Key")).toList();
        assertThat(keys).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
        for (String key : keys) {
            assertThat(journal.find("fake", key)).map(JournalEntry::operation).contains(JournalOperation.REFUND);
        }
    }

    @Test
    void whenTheJournalIsDownTheRefundFailsClosedBeforeSending() {
        ChargeJournal broken = new Unavailable();
        try (BillingProvider p = client(broken)) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-3", "1.50")))
                    .isInstanceOfSatisfying(JournalUnavailableException.class, e -> {
                        assertThat(e.isRetryable()).isTrue();
                        assertThat(e.operation()).isEqualTo("refund");
                    });
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aRefusedRefundAppliedNothingSoTheSameRequestMaySendAgain() {
        wm.stubFor(post(urlEqualTo(REFUNDS)).inScenario("refund").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"not billed yet\"}"))
                .willSetStateTo("billed"));
        wm.stubFor(post(urlEqualTo(REFUNDS)).inScenario("refund").whenScenarioStateIs("billed")
                .willReturn(okJson("{\"refund\":\"rf-4\",\"state\":\"PROCESSING\"}")));
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-4", "1.50")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(journal.find("fake", "r-4")).map(JournalEntry::state).contains(JournalState.FAILED);
            assertThat(p.refunds().orElseThrow().refund(refund("r-4", "1.50")).state())
                    .isEqualTo(RefundState.PROCESSING);
        }
        assertThat(refundsSent()).isEqualTo(2);
    }

    @Test
    void aLostAnswerIsResolvedByTheRefundTheProviderFindsUnderTheKeyAndNeverSentAgain() {
        wm.stubFor(post(urlEqualTo(REFUNDS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo(REFUNDS)).withQueryParam("idempotencyKey", equalTo("r-5"))
                .willReturn(okJson("{\"refund\":\"rf-5\",\"state\":\"SUCCEEDED\",\"amount\":\"1.50\","
                        + "\"currency\":\"TND\"}")));
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-5", "1.50")))
                    .isInstanceOf(DcbTransportException.class);
            int sent = refundsSent();
            assertThat(journal.find("fake", "r-5")).map(JournalEntry::state).contains(JournalState.UNKNOWN);
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-5", "1.50")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.OUTCOME_UNKNOWN));

            List<Resolution> heard = new ArrayList<>();
            List<Resolution> run = Reconciler.builder(journal).provider(p).clock(clock).listener(heard::add).build()
                    .runOnce();
            assertThat(run).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                assertThat(r.refundStatus()).map(RefundResult::refund).contains(RefundRef.of(CHARGE, "rf-5"));
                assertThat(r.chargeStatus()).isEmpty();
            });
            assertThat(heard).isEqualTo(run);
            wm.verify(1, getRequestedFor(urlPathEqualTo(REFUNDS)));

            RefundResult replayed = p.refunds().orElseThrow().refund(refund("r-5", "1.50"));
            assertThat(replayed.refund()).isEqualTo(RefundRef.of(CHARGE, "rf-5"));
            assertThat(replayed.amount()).isEqualTo(Money.of("1.50", "TND"));
            assertThat(refundsSent()).isEqualTo(sent);
        }
    }

    @Test
    void aConflictOnARefundMeansOneExistsUnderTheKeySoItIsReconciledNotFailed() {
        wm.stubFor(post(urlEqualTo(REFUNDS)).willReturn(aResponse().withStatus(409)));
        wm.stubFor(get(urlPathEqualTo(REFUNDS)).withQueryParam("idempotencyKey", equalTo("r-6"))
                .willReturn(okJson("{\"refund\":\"rf-6\",\"state\":\"PROCESSING\"}")));
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-6", "1.50")))
                    .isInstanceOf(ConflictException.class);
            assertThat(journal.find("fake", "r-6")).map(JournalEntry::state).contains(JournalState.UNKNOWN);

            assertThat(reconciler(p).runOnce()).singleElement().satisfies(r -> assertThat(r.refundStatus())
                    .map(RefundResult::state).contains(RefundState.PROCESSING));
            int sent = refundsSent();
            assertThat(p.refunds().orElseThrow().refund(refund("r-6", "1.50")).refund().id()).isEqualTo("rf-6");
            assertThat(refundsSent()).isEqualTo(sent);
        }
    }

    @Test
    void anAbandonedIntentTheProviderDoesNotKnowWasNotAppliedAndIsSentOnce() {
        journal.begin(JournalEntry.intent("fake", "r-7", JournalOperation.REFUND,
                RequestDigests.refund("fake", refund("r-7", "1.50")), "ch-1", clock.instant()));
        wm.stubFor(get(urlPathEqualTo(REFUNDS)).willReturn(aResponse().withStatus(404)));
        try (BillingProvider p = client(journal)) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-7", "1.50")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.IN_PROGRESS));
            assertThat(reconciler(p).runOnce()).isEmpty(); // young: its call may be running

            clock.advance(Duration.ofMinutes(6));
            assertThat(reconciler(p).runOnce()).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(Resolution.Kind.NOT_APPLIED));
            wm.verify(1, getRequestedFor(urlPathEqualTo(REFUNDS))
                    .withQueryParam("idempotencyKey", equalTo("r-7")));
            assertThat(refundsSent()).isZero();

            p.refunds().orElseThrow().refund(refund("r-7", "1.50"));
            p.refunds().orElseThrow().refund(refund("r-7", "1.50"));
        }
        assertThat(refundsSent()).isEqualTo(1);
    }

    @Test
    void aProviderThatCannotFindARefundByItsKeyLeavesALostAnswerForReview() {
        wm.stubFor(post(urlEqualTo(REFUNDS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (BillingProvider p = WireFakeClient.withoutRefundLookup(wm.baseUrl(),
                fastOptionsBuilder().clock(clock).chargeJournal(journal).build())) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-8", "1.50")))
                    .isInstanceOf(DcbTransportException.class);
            int sent = refundsSent();

            assertThat(reconciler(p).runOnce()).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Resolution.Kind.NEEDS_REVIEW);
                assertThat(r.reason()).contains("idempotency key");
            });
            clock.advance(Duration.ofHours(1));
            assertThat(reconciler(p).runOnce()).isEmpty();
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-8", "1.50")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.NEEDS_REVIEW));
            assertThat(refundsSent()).isEqualTo(sent);
            wm.verify(0, getRequestedFor(urlPathEqualTo(REFUNDS)));
        }
    }

    @Test
    void aProviderWrappedFromOutsideKeepsItsRefundLookupForTheReconciler() {
        wm.stubFor(post(urlEqualTo(REFUNDS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo(REFUNDS)).withQueryParam("idempotencyKey", equalTo("r-9"))
                .willReturn(okJson("{\"refund\":\"rf-9\",\"state\":\"SUCCEEDED\"}")));
        try (BillingProvider plain = WireFakeClient.create(wm.baseUrl(), fastOptionsBuilder().clock(clock).build())) {
            BillingProvider p = Journaling.wrap(plain, journal, clock,
                    io.dcb4j.core.spi.JournalReferences.NONE);
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(refund("r-9", "1.50")))
                    .isInstanceOf(DcbTransportException.class);
            assertThat(reconciler(p).runOnce()).singleElement().satisfies(r -> assertThat(r.refundStatus())
                    .map(x -> x.refund().id()).contains("rf-9"));
        }
    }

    /** A journal whose database is down. */
    private static final class Unavailable implements ChargeJournal {
        @Override
        public Begin begin(JournalEntry intent) {
            throw new IllegalStateException("database is down");
        }

        @Override
        public boolean update(JournalEntry expected, JournalEntry next) {
            throw new IllegalStateException("database is down");
        }

        @Override
        public Optional<JournalEntry> find(String provider, String idempotencyKey) {
            throw new IllegalStateException("database is down");
        }

        @Override
        public List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now, Duration lease,
                int limit) {
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
    }
}
