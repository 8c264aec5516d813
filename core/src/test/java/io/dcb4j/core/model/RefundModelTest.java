package io.dcb4j.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RefundModelTest {

    @Test
    void aRefundWithoutAmountIsTotalAndAPartialOneNeedsAPositiveAmount() {
        ChargeRef charge = ChargeRef.of("pay-1");
        RefundRequest total = RefundRequest.builder(charge).reason("changed my mind").build();
        assertThat(total.isTotal()).isTrue();
        assertThat(total.amount()).isNull();
        RefundRequest partial = RefundRequest.builder(charge).amount(Money.of("1.50", "EUR"))
                .idempotencyKey("k-1").param("merchantIdentifier", "m-1").build();
        assertThat(partial.isTotal()).isFalse();
        assertThat(partial.params()).containsEntry("merchantIdentifier", "m-1");
        assertThatThrownBy(() -> RefundRequest.builder(charge).amount(Money.of("0", "EUR")).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> RefundRequest.builder(null).build()).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aRefundReferenceNamesItsChargeAndTheResultKeepsTheRawState() {
        RefundRef ref = RefundRef.of(ChargeRef.of("pay-1"), "ref-9");
        assertThat(ref.toString()).isEqualTo("ref-9 of pay-1");
        assertThatThrownBy(() -> RefundRef.of(ChargeRef.of("pay-1"), " ")).isInstanceOf(IllegalArgumentException.class);
        RefundResult r = new RefundResult(ref, RefundState.PROCESSING, "processing", null,
                Map.of("phone", "+21698765432"));
        assertThat(r.state().isFinal()).isFalse();
        assertThat(RefundState.SUCCEEDED.isFinal()).isTrue();
        assertThat(RefundState.DENIED.isFinal()).isTrue();
        assertThat(r.toString()).doesNotContain("98765432");
    }
}
