package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carrier-billing-validatePayment.feature}, every scenario, named after its id. */
class ValidatePaymentFeatureTest extends CamaraFeatureSupport {

    Payment pending() {
        return client.preparePayment(payment(phone(CamaraSimulator.PENDING_VALIDATION)).build());
    }

    String code() {
        return sim.pinSentTo(phone(CamaraSimulator.PENDING_VALIDATION)).orElseThrow();
    }

    static String path(Payment p) {
        return CamaraSimulator.PAYMENTS_PATH + "/payments/" + p.paymentId() + "/validate";
    }

    @Override
    Op op() {
        Payment p = pending();
        String auth = p.validation().orElseThrow().authorizationId();
        String code = code();
        return new Op("POST", path(p), "{\"authorizationId\":\"" + auth + "\",\"code\":\"" + code + "\"}",
                c -> c.validatePayment(p.paymentId(), auth, code));
    }

    @Test
    @DisplayName("@validate_payment_01_generic_success_scenario")
    void validate_payment_01_generic_success_scenario() {
        Payment p = pending();
        client.validatePayment(p.paymentId(), p.validation().orElseThrow().authorizationId(), code());
        assertThat(client.payment(p.paymentId()).status()).isEqualTo(PaymentStatus.RESERVED);
        Payment other = client.preparePayment(payment(phone(CamaraSimulator.PENDING_VALIDATION)).build());
        Answer a = raw("POST", path(other), "{\"authorizationId\":\"" + other.validation().orElseThrow()
                .authorizationId() + "\",\"code\":\"" + code() + "\"}");
        assertThat(a.status()).isEqualTo(204);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@validate_payment_400.01_no_request_body")
    void validate_payment_400_01_no_request_body() {
        assertError(raw("POST", path(pending()), null), 400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("@validate_payment_400.02_empty_request_body")
    void validate_payment_400_02_empty_request_body() {
        assertError(raw("POST", path(pending()), "{}"), 400, "INVALID_ARGUMENT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"authorizationId", "code"})
    @DisplayName("@validate_payment_400.03_required_input_properties_missing")
    void validate_payment_400_03_required_input_properties_missing(String property) {
        Payment p = pending();
        String body = property.equals("code")
                ? "{\"authorizationId\":\"" + p.validation().orElseThrow().authorizationId() + "\"}"
                : "{\"code\":\"" + code() + "\"}";
        assertError(raw("POST", path(p), body), 400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("@validate_payment_400.04_invalid_authorizationId")
    void validate_payment_400_04_invalid_authorizationId() {
        Payment p = pending();
        assertError(() -> client.validatePayment(p.paymentId(), "not-the-authorization", code()),
                InvalidRequestException.class, 400, "CARRIER_BILLING.INVALID_AUTHORIZATION_ID");
    }

    @Test
    @DisplayName("@validate_payment_400.05_invalid_code")
    void validate_payment_400_05_invalid_code() {
        Payment p = pending();
        assertError(() -> client.validatePayment(p.paymentId(), p.validation().orElseThrow().authorizationId(),
                code() + "0"), InvalidPinException.class, 400, "CARRIER_BILLING.INVALID_CODE");
    }

    @ParameterizedTest(name = "after {0} requests")
    @ValueSource(ints = {3, 5})
    @DisplayName("@validate_payment_400.06_exceeding_validation_attempts")
    void validate_payment_400_06_exceeding_validation_attempts(int attempts) {
        Payment p = pending();
        String auth = p.validation().orElseThrow().authorizationId();
        String wrong = code() + "0";
        for (int i = 1; i < Math.min(attempts, CamaraSimulator.MAX_VALIDATION_ATTEMPTS); i++) {
            assertError(() -> client.validatePayment(p.paymentId(), auth, wrong), InvalidPinException.class, 400,
                    "CARRIER_BILLING.INVALID_CODE");
        }
        for (int i = CamaraSimulator.MAX_VALIDATION_ATTEMPTS; i <= attempts; i++) {
            assertError(() -> client.validatePayment(p.paymentId(), auth, wrong), PinAttemptsExceededException.class,
                    400, "CARRIER_BILLING.VALIDATION_FAILED");
        }
        assertThat(client.payment(p.paymentId()).status()).isEqualTo(PaymentStatus.DENIED);
    }

    @Test
    @DisplayName("@validate_payment_400.07_invalid_x-correlator")
    void validate_payment_400_07_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@validate_payment_01_generic_success_scenario_payment_401.01_no_authorization_header")
    void validate_payment_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@validate_payment_401.02_expired_access_token")
    void validate_payment_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@validate_payment_401.03_invalid_access_token")
    void validate_payment_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@validate_payment_403.01_invalid_token_permissions")
    void validate_payment_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@validate_payment_404.01_payment_not_found")
    void validate_payment_404_01_payment_not_found() {
        assertError(() -> client.validatePayment("pay-unknown", "auth-x", "123456"), NotFoundException.class, 404,
                "NOT_FOUND");
    }

    @Test
    @DisplayName("@validate_payment_429.01_Too_Many_Requests")
    void validate_payment_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
