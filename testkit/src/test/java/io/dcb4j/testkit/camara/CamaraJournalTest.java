package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.testkit.DcbSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * CAMARA through the neutral API with a charge journal, against the simulator: a refund is sent once per
 * idempotency key, which travels as its {@code clientCorrelator}; a refund whose outcome was never recorded is
 * resolved by that correlator; a confirmation needs no journal, since the operator refuses a second one.
 */
@DcbSimulator("camara")
class CamaraJournalTest {

    private static BillingProvider journaled(CamaraSimulator sim, ChargeJournal journal, Clock clock) {
        return BillingProviders.create("camara", sim.clientConfig(),
                ClientOptions.builder().chargeJournal(journal).clock(clock).build());
    }

    private static List<?> refundsOf(CamaraSimulator sim, ChargeResult charge) {
        try (CamaraClient typed = (CamaraClient) sim.newClient()) {
            return typed.refunds(charge.charge().id(), RefundQuery.all()).items();
        }
    }

    @Test
    void aRefundIsSentOncePerKeyWhichTheOperatorGetsAsItsClientCorrelator(CamaraSimulator sim,
            BillingProvider client) {
        ChargeResult paid = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        RefundRequest request = RefundRequest.builder(paid.charge()).amount(Money.of("1.00", "EUR"))
                .reason("late delivery").idempotencyKey("refund-key-1").build();
        ChargeJournal journal = ChargeJournal.inMemory();
        RefundResult first;
        try (BillingProvider p = journaled(sim, journal, Clock.systemUTC())) {
            first = p.refunds().orElseThrow().refund(request);
            assertThat(p.refunds().orElseThrow().refund(request)).isEqualTo(first);
        }
        assertThat(first.state()).isEqualTo(RefundState.SUCCEEDED);
        assertThat(first.details()).containsEntry("clientCorrelator", "refund-key-1");
        assertThat(journal.find("camara", "refund-key-1")).map(JournalEntry::operation)
                .contains(JournalOperation.REFUND);

        // an instance whose journal lost the entry (pruned too early) sends again: the operator's own
        // idempotency on the clientCorrelator answers the same refund
        try (BillingProvider forgetful = journaled(sim, ChargeJournal.inMemory(), Clock.systemUTC())) {
            assertThat(forgetful.refunds().orElseThrow().refund(request).refund()).isEqualTo(first.refund());
        }
        assertThat(refundsOf(sim, paid)).hasSize(1);
    }

    @Test
    void aRefundWhoseOutcomeWasNeverRecordedIsResolvedByItsClientCorrelator(CamaraSimulator sim,
            BillingProvider client) {
        ChargeResult paid = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        RefundRequest request = RefundRequest.builder(paid.charge()).idempotencyKey("refund-key-2").build();
        ChargeJournal journal = ChargeJournal.inMemory();
        RefundResult sent;
        // the instance refunds, then its database fails before the outcome is recorded (as if it died)
        try (BillingProvider p = journaled(sim, new OutcomeLost(journal), Clock.systemUTC())) {
            sent = p.refunds().orElseThrow().refund(request);
        }
        assertThat(journal.find("camara", "refund-key-2")).map(JournalEntry::state).contains(JournalState.PENDING);

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (BillingProvider restarted = journaled(sim, journal, later)) {
            assertThat(Reconciler.builder(journal).provider(restarted).clock(later).build().runOnce())
                    .singleElement().satisfies(r -> {
                        assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                        assertThat(r.refundStatus()).map(RefundResult::refund).contains(sent.refund());
                    });
            assertThat(restarted.refunds().orElseThrow().refund(request).refund()).isEqualTo(sent.refund());
        }
        assertThat(refundsOf(sim, paid)).hasSize(1);
    }

    @Test
    void anAbandonedRefundTheOperatorNeverReceivedWasNotAppliedAndIsSentOnce(CamaraSimulator sim,
            BillingProvider client) {
        ChargeResult paid = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
        RefundRequest request = RefundRequest.builder(paid.charge()).idempotencyKey("refund-key-3").build();
        ChargeJournal journal = ChargeJournal.inMemory();
        // the instance recorded the intent and died before the request left
        try (BillingProvider p = journaled(sim, new DiesAfterIntent(journal), Clock.systemUTC())) {
            assertThatThrownBy(() -> p.refunds().orElseThrow().refund(request)).isInstanceOf(Dead.class);
        }
        assertThat(journal.find("camara", "refund-key-3")).map(JournalEntry::state).contains(JournalState.PENDING);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        try (BillingProvider restarted = journaled(sim, journal, later)) {
            assertThat(Reconciler.builder(journal).provider(restarted).clock(later).build().runOnce())
                    .singleElement().satisfies(r -> assertThat(r.kind()).isEqualTo(Resolution.Kind.NOT_APPLIED));
            assertThat(refundsOf(sim, paid)).isEmpty();

            RefundResult refund = restarted.refunds().orElseThrow().refund(request);
            assertThat(restarted.refunds().orElseThrow().refund(request)).isEqualTo(refund);
        }
        assertThat(refundsOf(sim, paid)).hasSize(1);
    }

    @Test
    void aRepeatedConfirmationThroughTheJournaledClientIsRefusedAndBillsOnce(CamaraSimulator sim) {
        ChargeJournal journal = ChargeJournal.inMemory();
        try (BillingProvider p = journaled(sim, journal, Clock.systemUTC())) {
            ChargeResult reserved = p.charges().orElseThrow().charge(sim.sampleChargeToConfirm(sim.sampleMsisdn()));
            assertThat(reserved.state()).isEqualTo(ChargeState.RESERVED);
            assertThat(reserved.nextAction()).isEqualTo(NextAction.none());
            assertThat(p.chargeConfirmations().orElseThrow().confirm(reserved).state())
                    .isEqualTo(ChargeState.SUCCEEDED);

            // the merchant's retry after a timeout or a crash: refused by the operator, nothing billed again
            assertThatThrownBy(() -> p.chargeConfirmations().orElseThrow().confirm(reserved))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.providerCode()).hasValue("CARRIER_BILLING.PAYMENT_CONFIRMED");
                        assertThat(e.isRetryable()).isFalse();
                    });
            assertThat(p.charges().orElseThrow().status(reserved.charge()).state()).isEqualTo(ChargeState.SUCCEEDED);
            long billed = sim.notifications().stream().map(n -> p.notifications().orElseThrow().parse(n))
                    .filter(e -> e.type() == BillingEvent.Type.CHARGED).count();
            assertThat(billed).isEqualTo(1);
        }
        try (CamaraClient typed = (CamaraClient) sim.newClient()) {
            assertThat(typed.payments(PaymentQuery.all()).items()).singleElement()
                    .satisfies(pay -> assertThat(pay.paymentId()).isNotBlank());
        }
        // the charge is journaled; the confirmation is not (the operator's refusal is its idempotency)
        assertThat(journal.open(10)).isEmpty();
    }

    /** A journal whose database fails once the provider answered: the outcome is never recorded. */
    private static class OutcomeLost implements ChargeJournal {
        final ChargeJournal journal;

        OutcomeLost(ChargeJournal journal) {
            this.journal = journal;
        }

        @Override
        public Begin begin(JournalEntry intent) {
            return journal.begin(intent);
        }

        @Override
        public boolean update(JournalEntry expected, JournalEntry next) {
            throw new IllegalStateException("database gone");
        }

        @Override
        public Optional<JournalEntry> find(String provider, String idempotencyKey) {
            return journal.find(provider, idempotencyKey);
        }

        @Override
        public List<JournalEntry> claimOpen(Set<String> providers, Instant staleBefore, Instant now,
                Duration lease, int limit) {
            return journal.claimOpen(providers, staleBefore, now, lease, limit);
        }

        @Override
        public List<JournalEntry> open(int limit) {
            return journal.open(limit);
        }

        @Override
        public int prune(Instant finishedBefore) {
            return journal.prune(finishedBefore);
        }
    }

    /** The instance dies once the intent is recorded, before the request leaves (a JVM error stands for it). */
    private static final class DiesAfterIntent extends OutcomeLost {
        DiesAfterIntent(ChargeJournal journal) {
            super(journal);
        }

        @Override
        public Begin begin(JournalEntry intent) {
            journal.begin(intent);
            throw new Dead();
        }
    }

    /** Stands for the end of the process: not an exception the journal wrapper turns into a refusal. */
    private static final class Dead extends Error {
        private static final long serialVersionUID = 1L;
    }
}
