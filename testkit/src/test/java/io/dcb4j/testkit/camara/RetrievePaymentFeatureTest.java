package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.camara.model.Payment;
import io.dcb4j.core.error.NotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code carrier-billing-retrievePayment.feature}, every scenario, named after its id. */
class RetrievePaymentFeatureTest extends CamaraFeatureSupport {

    @Override
    Op op() {
        Payment p = paid();
        return new Op("GET", CamaraSimulator.PAYMENTS_PATH + "/payments/" + p.paymentId(), null,
                c -> c.payment(p.paymentId()));
    }

    @Test
    @DisplayName("@retrieve_payment_01_generic_success_scenario")
    void retrieve_payment_01_generic_success_scenario() {
        Payment created = paid();
        Payment read = client.payment(created.paymentId());
        assertThat(read.paymentId()).isEqualTo(created.paymentId());
        assertThat(read.amount()).isEqualTo(created.amount());
        assertThat(read.status()).isEqualTo(created.status());
        assertThat(read.createdAt()).isEqualTo(created.createdAt());
        Answer a = raw("GET", CamaraSimulator.PAYMENTS_PATH + "/payments/" + created.paymentId(), null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@retrieve_payment_400.01_invalid_x-correlator")
    void retrieve_payment_400_01_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@retrieve_payment_401.01_no_authorization_header")
    void retrieve_payment_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@retrieve_payment_401.02_expired_access_token")
    void retrieve_payment_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payment_401.03_invalid_access_token")
    void retrieve_payment_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@retrieve_payment_403.01_invalid_token_permissions")
    void retrieve_payment_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@retrieve_payment_404.01_payment_not_found")
    void retrieve_payment_404_01_payment_not_found() {
        assertError(() -> client.payment("pay-unknown"), NotFoundException.class, 404, "NOT_FOUND");
        Payment someoneElses = paid();
        assertError(() -> threeLegged().forSubscriber(phone(CamaraSimulator.ASYNC)).payment(someoneElses.paymentId()),
                NotFoundException.class, 404, "NOT_FOUND");
    }

    @Test
    @DisplayName("@retrieve_payment_429.01_Too_Many_Requests")
    void retrieve_payment_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
