package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code dcb reconcile --resolve} prints for each resolution. */
class ReconcileOutputTest {

    @Test
    void aResolvedRefundNamesTheRefundItsChargeAndItsState() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        JournalEntry entry = JournalEntry.intent("camara", "refund-key-1", JournalOperation.REFUND, "digest", "pay-1",
                now).next(JournalState.RESOLVED, null, "{}", null, now);
        RefundResult refund = new RefundResult(RefundRef.of(ChargeRef.of("pay-1"), "rf-1"), RefundState.SUCCEEDED,
                "succeeded", Money.of("1.00", "EUR"), Map.of());

        assertThat(ReconcileCommand.resolution(new Resolution(entry, Resolution.Kind.RESOLVED, null, null, refund,
                null))).isEqualTo("RESOLVED REFUND key refund-key-1: refund rf-1 of charge pay-1 SUCCEEDED "
                        + "[succeeded], amount 1.00 EUR");
    }
}
