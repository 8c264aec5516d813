package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.core.error.NotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code carrier-billing-refund-retrieveRefund.feature}, every scenario, named after its id. */
class RetrieveRefundFeatureTest extends CamaraFeatureSupport {

    @Override
    Op op() {
        Payment p = paid();
        Refund r = refunded(p, partial("5").build());
        return new Op("GET", CamaraSimulator.REFUNDS_PATH + "/payments/" + p.paymentId() + "/refunds/"
                + r.refundId(), null, c -> c.refund(p.paymentId(), r.refundId()));
    }

    @Test
    @DisplayName("@retrieve_refund_01_generic_success_scenario")
    void retrieve_refund_01_generic_success_scenario() {
        Payment p = paid();
        Refund created = refunded(p, partial("5").reason("Item not delivered").build());
        Refund read = client.refund(p.paymentId(), created.refundId());
        assertThat(read).isEqualTo(created);
        Answer a = raw("GET", CamaraSimulator.REFUNDS_PATH + "/payments/" + p.paymentId() + "/refunds/"
                + created.refundId(), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@retrieve_refund_400.01_invalid_x-correlator")
    void retrieve_refund_400_01_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@retrieve_refund_401.01_no_authorization_header")
    void retrieve_refund_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@retrieve_refund_401.02_expired_access_token")
    void retrieve_refund_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@retrieve_refund_401.03_invalid_access_token")
    void retrieve_refund_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@retrieve_refund_403.01_invalid_token_permissions")
    void retrieve_refund_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@retrieve_refund_404.01_payment_not_found")
    void retrieve_refund_404_01_payment_not_found() {
        Payment p = paid();
        Refund r = refunded(p, partial("5").build());
        assertError(() -> client.refund("pay-unknown", r.refundId()), NotFoundException.class, 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("@retrieve_refund_404.02_refund_not_found")
    void retrieve_refund_404_02_refund_not_found() {
        Payment p = paid();
        assertError(() -> client.refund(p.paymentId(), "rf-unknown"), NotFoundException.class, 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("@retrieve_refund_429.01_Too_Many_Requests")
    void retrieve_refund_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
