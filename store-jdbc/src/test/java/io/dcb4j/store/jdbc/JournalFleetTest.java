package io.dcb4j.store.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.IdempotencyConflictException;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency and reconciliation across two instances sharing the journal table. */
class JournalFleetTest extends WireMockTestSupport {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private ChargeJournal journalA;
    private ChargeJournal journalB;

    @BeforeEach
    void instances() {
        Postgres.url();
        Postgres.truncate();
        journalA = JdbcChargeJournal.create(Postgres.dataSource());
        journalB = JdbcChargeJournal.create(Postgres.dataSource());
        wm.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
    }

    private static ChargeRequest charge(String key, String amount) {
        return ChargeRequest.builder(Money.of(amount, "TND")).msisdn(Msisdn.of("21650123456")).idempotencyKey(key)
                .build();
    }

    private int charges() {
        return wm.findAll(postRequestedFor(urlEqualTo("/charges"))).size();
    }

    @Test
    void theSameKeyWithAnotherAmountIsRefusedAndTheSameRequestReturnsTheRecordedOutcomeOnAnyInstance() {
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(okJson("{\"id\":\"k-1\",\"state\":\"SUCCEEDED\"}")));
        try (BillingProvider a = Fleet.client(wm.baseUrl(), null, journalA, clock);
                BillingProvider b = Fleet.client(wm.baseUrl(), null, journalB, clock)) {
            ChargeResult first = a.charges().orElseThrow().charge(charge("k-1", "5.00"));

            assertThatThrownBy(() -> b.charges().orElseThrow().charge(charge("k-1", "7.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.DIFFERENT_REQUEST));
            assertThat(b.charges().orElseThrow().charge(charge("k-1", "5.00"))).isEqualTo(first);
            assertThat(a.charges().orElseThrow().charge(charge("k-1", "5.0"))).isEqualTo(first);
        }
        assertThat(charges()).isEqualTo(1);
    }

    @Test
    void concurrentCallsWithOneKeyOnBothInstancesSendOnce() throws Exception {
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(okJson("{\"id\":\"k-2\",\"state\":\"SUCCEEDED\"}")));
        try (BillingProvider a = Fleet.client(wm.baseUrl(), null, journalA, clock);
                BillingProvider b = Fleet.client(wm.baseUrl(), null, journalB, clock)) {
            List<Callable<ChargeResult>> calls = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                BillingProvider instance = i % 2 == 0 ? a : b;
                calls.add(() -> instance.charges().orElseThrow().charge(charge("k-2", "5.00")));
            }
            List<Object> outcomes = Fleet.together(calls);
            // each call got the outcome, or was told a call with its key is in progress; none sent twice
            assertThat(outcomes).allSatisfy(o -> assertThat(o).satisfiesAnyOf(
                    r -> assertThat(r).isInstanceOf(ChargeResult.class),
                    r -> assertThat(r).isInstanceOfSatisfying(IdempotencyConflictException.class,
                            e -> assertThat(e.reason()).isEqualTo(IdempotencyConflictException.Reason.IN_PROGRESS))));
            assertThat(outcomes).anyMatch(ChargeResult.class::isInstance);
        }
        assertThat(charges()).isEqualTo(1);
    }

    @Test
    void reconcilersOnBothInstancesQueryEachOpenIntentOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            JournalEntry e = journalA.begin(JournalEntry.intent("fake", "u-" + i, JournalOperation.CHARGE, "d",
                    "u-" + i, clock.instant())).entry();
            journalA.update(e, e.next(JournalState.UNKNOWN, null, null, "DcbTransportException", clock.instant()));
        }
        wm.stubFor(get(urlPathMatching("/charges/u-.*")).willReturn(okJson("{\"state\":\"SUCCEEDED\"}")));
        try (BillingProvider a = Fleet.client(wm.baseUrl(), null, null, clock);
                BillingProvider b = Fleet.client(wm.baseUrl(), null, null, clock)) {
            Reconciler ra = Reconciler.builder(journalA).provider(a).clock(clock).batchSize(4).build();
            Reconciler rb = Reconciler.builder(journalB).provider(b).clock(clock).batchSize(4).build();
            List<Callable<List<Resolution>>> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Reconciler r = i % 2 == 0 ? ra : rb;
                workers.add(r::runOnce);
            }
            List<Object> runs = Fleet.together(workers);
            int resolved = 0;
            for (Object run : runs) {
                resolved += ((List<?>) run).size();
            }
            while (resolved < 20) { // what a later scheduled run would pick up
                int n = ra.runOnce().size();
                assertThat(n).isPositive();
                resolved += n;
            }
            assertThat(resolved).isEqualTo(20);
            assertThat(ra.runOnce()).isEmpty();
        }
        for (int i = 0; i < 20; i++) {
            wm.verify(1, getRequestedFor(urlEqualTo("/charges/u-" + i)));
            assertThat(journalB.find("fake", "u-" + i)).map(JournalEntry::state).contains(JournalState.RESOLVED);
        }
    }

    private static RefundRequest refund(String key, String amount) {
        return RefundRequest.builder(ChargeRef.of("paid-7")).amount(Money.of(amount, "TND")).idempotencyKey(key)
                .build();
    }

    @Test
    void aRefundWhoseAnswerWasLostIsResolvedOnAnotherInstanceAndNeverSentTwice() {
        String refunds = "/charges/paid-7/refunds";
        wm.stubFor(post(urlEqualTo(refunds)).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo(refunds)).withQueryParam("idempotencyKey", equalTo("rk-1"))
                .willReturn(okJson("{\"refund\":\"rf-7\",\"state\":\"PROCESSING\"}")));
        try (BillingProvider a = Fleet.client(wm.baseUrl(), null, journalA, clock);
                BillingProvider b = Fleet.client(wm.baseUrl(), null, journalB, clock)) {
            assertThatThrownBy(() -> a.refunds().orElseThrow().refund(refund("rk-1", "2.00")))
                    .isInstanceOf(io.dcb4j.core.error.DcbTransportException.class);
            assertThatThrownBy(() -> b.refunds().orElseThrow().refund(refund("rk-1", "2.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.OUTCOME_UNKNOWN));
            assertThatThrownBy(() -> b.refunds().orElseThrow().refund(refund("rk-1", "3.00")))
                    .isInstanceOfSatisfying(IdempotencyConflictException.class, e -> assertThat(e.reason())
                            .isEqualTo(IdempotencyConflictException.Reason.DIFFERENT_REQUEST));

            assertThat(Reconciler.builder(journalB).provider(b).clock(clock).build().runOnce()).singleElement()
                    .satisfies(r -> assertThat(r.refundStatus()).map(x -> x.refund().id()).contains("rf-7"));
            RefundResult replayed = a.refunds().orElseThrow().refund(refund("rk-1", "2.0"));
            assertThat(replayed.refund().id()).isEqualTo("rf-7");
        }
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(refunds)))).hasSize(1);
        assertThat(journalA.find("fake", "rk-1")).hasValueSatisfying(e -> {
            assertThat(e.operation()).isEqualTo(JournalOperation.REFUND);
            assertThat(e.state()).isEqualTo(JournalState.RESOLVED);
            assertThat(e.lookup()).contains("paid-7");
        });
    }

    @Test
    void whenTheDatabaseIsDownAChargeFailsClosedWithoutSending() {
        ChargeJournal down = JdbcChargeJournal.create(JdbcStores.unpooledDataSource("jdbc:postgresql://127.0.0.1:1/none", null, null));
        try (BillingProvider a = Fleet.client(wm.baseUrl(), null, down, clock)) {
            assertThatThrownBy(() -> a.charges().orElseThrow().charge(charge("k-3", "5.00")))
                    .isInstanceOf(io.dcb4j.core.error.JournalUnavailableException.class)
                    .hasMessageContaining("nothing was sent").hasCauseInstanceOf(JdbcStoreException.class);
        }
        assertThat(charges()).isZero();
    }
}
