package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code carrier-billing-refund-retrievePaymentRemainingAmount.feature}, every scenario, named after its id. */
class RetrievePaymentRemainingAmountFeatureTest extends CamaraFeatureSupport {

    static String path(Payment p) {
        return CamaraSimulator.REFUNDS_PATH + "/payments/" + p.paymentId() + "/refunds/remaining-amount";
    }

    @Override
    Op op() {
        Payment p = paid();
        return new Op("GET", path(p), null, c -> c.remainingAmount(p.paymentId()));
    }

    /** An 80 EUR payment whose refunds stay processing until settled. */
    Payment asyncPayment() {
        Payment p = paid(phone(CamaraSimulator.ASYNC), "80");
        sim.settle(ChargeRef.of(p.paymentId()));
        return p;
    }

    Money remaining(Payment p) {
        return client.remainingAmount(p.paymentId()).amount();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_01_generic_success_scenario")
    void retrieve_payment_remaining_amount_01_generic_success_scenario() {
        Payment p = paid();
        assertThat(remaining(p)).isEqualTo(Money.of("80", "EUR"));
        Answer a = raw("GET", path(p), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_02_total_refund_in_progress")
    void retrieve_payment_remaining_amount_02_total_refund_in_progress() {
        Payment p = asyncPayment();
        refunded(p, total().build());
        assertThat(remaining(p)).isEqualTo(Money.of("0", "EUR"));
        assertThat(client.remainingAmount(p.paymentId()).isFullyRefunded()).isTrue();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_03_total_refund_succeeded")
    void retrieve_payment_remaining_amount_03_total_refund_succeeded() {
        Payment p = paid();
        refunded(p, total().build());
        assertThat(remaining(p)).isEqualTo(Money.of("0", "EUR"));
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_04_total_refund_denied")
    void retrieve_payment_remaining_amount_04_total_refund_denied() {
        Payment p = asyncPayment();
        Refund r = refunded(p, total().build());
        sim.settleRefund(p.paymentId(), r.refundId(), false);
        assertThat(remaining(p)).isEqualTo(Money.of("80", "EUR"));
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_05_partial_refund_in_progress")
    void retrieve_payment_remaining_amount_05_partial_refund_in_progress() {
        Payment p = asyncPayment();
        refunded(p, partial("15").build());
        assertThat(remaining(p)).isEqualTo(Money.of("65", "EUR"));
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_06_partial_refund_succeeded")
    void retrieve_payment_remaining_amount_06_partial_refund_succeeded() {
        Payment p = paid();
        refunded(p, partial("20").build());
        refunded(p, partial("20").build());
        assertThat(remaining(p)).isEqualTo(Money.of("40", "EUR"));
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_07_partial_refund_denied")
    void retrieve_payment_remaining_amount_07_partial_refund_denied() {
        Payment p = asyncPayment();
        Refund r = refunded(p, partial("15").build());
        sim.settleRefund(p.paymentId(), r.refundId(), false);
        assertThat(remaining(p)).isEqualTo(Money.of("80", "EUR"));
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_400.01_invalid_x-correlator")
    void retrieve_payment_remaining_amount_400_01_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_401.01_no_authorization_header")
    void retrieve_payment_remaining_amount_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_401.02_expired_access_token")
    void retrieve_payment_remaining_amount_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_401.03_invalid_access_token")
    void retrieve_payment_remaining_amount_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_403.01_invalid_token_permissions")
    void retrieve_payment_remaining_amount_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_404.01_payment_not_found")
    void retrieve_payment_remaining_amount_404_01_payment_not_found() {
        assertError(() -> client.remainingAmount("pay-unknown"), NotFoundException.class, 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("@retrieve_payment_remaining_amount_429.01_Too_Many_Requests")
    void retrieve_payment_remaining_amount_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
