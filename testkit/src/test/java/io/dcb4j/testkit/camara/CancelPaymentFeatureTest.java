package io.dcb4j.testkit.camara;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code carrier-billing-cancelPayment.feature}, every scenario but {@code 400.02} (see the provider page), named after its id. */
class CancelPaymentFeatureTest extends SecondStepScenarios {

    @Override
    boolean confirm() {
        return false;
    }

    @Test
    @DisplayName("@cancel_payment_01_generic_success_scenario")
    void cancel_payment_01_generic_success_scenario() {
        genericSuccess();
    }

    @Test
    @DisplayName("@cancel_payment_02_phoneNumber_three_legged")
    void cancel_payment_02_phoneNumber_three_legged() {
        threeLeggedPhoneNumber();
    }

    @Test
    @DisplayName("@cancel_payment_03_phoneNumber_two_legged")
    void cancel_payment_03_phoneNumber_two_legged() {
        twoLegged();
    }

    @Test
    @DisplayName("@cancel_payment_400.01_no_request_body")
    void cancel_payment_400_01_no_request_body() {
        noRequestBody();
    }

    @Test
    @DisplayName("@cancel_payment_400.03_invalid_x-correlator")
    void cancel_payment_400_03_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@cancel_payment_C02.01_phone_number_not_schema_compliant")
    void cancel_payment_C02_01_phone_number_not_schema_compliant() {
        phoneNumberNotSchemaCompliant();
    }

    @Test
    @DisplayName("@cancel_payment_401.01_no_authorization_header")
    void cancel_payment_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@cancel_payment_401.02_expired_access_token")
    void cancel_payment_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@cancel_payment_401.03_invalid_access_token")
    void cancel_payment_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@cancel_payment_403.01_invalid_token_permissions")
    void cancel_payment_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@cancel_payment_404.01_payment_not_found")
    void cancel_payment_404_01_payment_not_found() {
        paymentNotFound();
    }

    @Test
    @DisplayName("@cancel_payment_C02.02_phone_number_not_found")
    void cancel_payment_C02_02_phone_number_not_found() {
        phoneNumberNotFound();
    }

    @Test
    @DisplayName("@cancel_payment_409.01_payment_confirmed")
    void cancel_payment_409_01_payment_confirmed() {
        alreadyConfirmed();
    }

    @Test
    @DisplayName("@cancel_payment_409.02_payment_cancelled")
    void cancel_payment_409_02_payment_cancelled() {
        alreadyCancelled();
    }

    @Test
    @DisplayName("@cancel_payment_422.01_phoneNumber_required")
    void cancel_payment_422_01_phoneNumber_required() {
        phoneNumberRequired();
    }

    @Test
    @DisplayName("@cancel_payment_C02.03_unnecessary_phone_number")
    void cancel_payment_C02_03_unnecessary_phone_number() {
        unnecessaryPhoneNumber();
    }

    @Test
    @DisplayName("@cancel_payment_C02.04_missing_phone_number")
    void cancel_payment_C02_04_missing_phone_number() {
        missingPhoneNumber();
    }

    @Test
    @DisplayName("@cancel_payment_C02.05_phone_number_not_supported")
    void cancel_payment_C02_05_phone_number_not_supported() {
        phoneNumberNotSupported();
    }

    @Test
    @DisplayName("@cancel_payment_429.01_Too_Many_Requests")
    void cancel_payment_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
