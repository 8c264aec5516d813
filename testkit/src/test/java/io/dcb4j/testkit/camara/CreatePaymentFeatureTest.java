package io.dcb4j.testkit.camara;

import io.dcb4j.camara.model.PaymentStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carrier-billing-createPayment.feature}, every scenario, named after its id. */
class CreatePaymentFeatureTest extends PaymentCreationScenarios {

    @Override
    boolean twoStep() {
        return false;
    }

    @Test
    @DisplayName("@create_payment_01_generic_success_scenario")
    void create_payment_01_generic_success_scenario() {
        genericSuccess();
    }

    @Test
    @DisplayName("@create_payment_02_generic_success_scenario_with_sink_information")
    void create_payment_02_generic_success_scenario_with_sink_information() {
        withSink();
    }

    @Test
    @DisplayName("@create_payment_03_generic_success_scenario_with_sink_and_sinkCredential_information")
    void create_payment_03_generic_success_scenario_with_sink_and_sinkCredential_information() {
        withSinkAndCredential();
    }

    @Test
    @DisplayName("@create_payment_04_amountTransaction_gross_amount")
    void create_payment_04_amountTransaction_gross_amount() {
        grossAmount();
    }

    @Test
    @DisplayName("@create_payment_05_amountTransaction_net_amount")
    void create_payment_05_amountTransaction_net_amount() {
        netAmount();
    }

    @Test
    @DisplayName("@create_payment_06_amountTransaction_taxAmount")
    void create_payment_06_amountTransaction_taxAmount() {
        taxAmount();
    }

    @Test
    @DisplayName("@create_payment_07_amountTransaction_merchantIdentifier")
    void create_payment_07_amountTransaction_merchantIdentifier() {
        merchantIdentifier();
    }

    @Test
    @DisplayName("@create_payment_08_amountTransaction_paymentDetails")
    void create_payment_08_amountTransaction_paymentDetails() {
        paymentDetails();
    }

    @Test
    @DisplayName("@create_payment_09_amountTransaction_clientCorrelator")
    void create_payment_09_amountTransaction_clientCorrelator() {
        clientCorrelator();
    }

    @Test
    @DisplayName("@create_payment_10_amountTransaction_phoneNumber_three_legged")
    void create_payment_10_amountTransaction_phoneNumber_three_legged() {
        threeLeggedPhoneNumber();
    }

    @Test
    @DisplayName("@create_payment_11_amountTransaction_phoneNumber_two_legged")
    void create_payment_11_amountTransaction_phoneNumber_two_legged() {
        twoLeggedPhoneNumber();
    }

    @Test
    @DisplayName("@create_payment_12_sync_behaviour")
    void create_payment_12_sync_behaviour() {
        syncBehaviour(PaymentStatus.SUCCEEDED);
    }

    @Test
    @DisplayName("@create_payment_13_async_behaviour")
    void create_payment_13_async_behaviour() {
        asyncBehaviour();
    }

    @Test
    @DisplayName("@create_payment_400.01_no_request_body")
    void create_payment_400_01_no_request_body() {
        noRequestBody();
    }

    @Test
    @DisplayName("@create_payment_400.02_empty_request_body")
    void create_payment_400_02_empty_request_body() {
        emptyRequestBody();
    }

    @Test
    @DisplayName("@create_payment_400.05_clientCorrelator_in_use")
    void create_payment_400_05_clientCorrelator_in_use() {
        clientCorrelatorInUse();
    }

    @Test
    @DisplayName("@create_payment_400.06_invalid_sink")
    void create_payment_400_06_invalid_sink() {
        invalidSink();
    }

    @Test
    @DisplayName("@create_payment_400.07_invalid_sinkCredential")
    void create_payment_400_07_invalid_sinkCredential() {
        invalidSinkCredential();
    }

    @Test
    @DisplayName("@create_payment_400.08_invalid_sinkCredential_Acccestoken")
    void create_payment_400_08_invalid_sinkCredential_Acccestoken() {
        invalidSinkAccessTokenType();
    }

    @Test
    @DisplayName("@create_payment_400.09_invalid_x-correlator")
    void create_payment_400_09_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@create_payment_C02.01_phone_number_not_schema_compliant")
    void create_payment_C02_01_phone_number_not_schema_compliant() {
        phoneNumberNotSchemaCompliant();
    }

    @Test
    @DisplayName("@create_payment_401.01_no_authorization_header")
    void create_payment_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@create_payment_401.02_expired_access_token")
    void create_payment_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@create_payment_401.03_invalid_access_token")
    void create_payment_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@create_payment_403.01_invalid_token_permissions")
    void create_payment_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@create_payment_403.02_payment_denied")
    void create_payment_403_02_payment_denied() {
        paymentDenied();
    }

    @Test
    @DisplayName("@create_payment_C02.02_phone_number_not_found")
    void create_payment_C02_02_phone_number_not_found() {
        phoneNumberNotFound();
    }

    @Test
    @DisplayName("@create_payment_409.01_payment_duplicated")
    void create_payment_409_01_payment_duplicated() {
        paymentDuplicated();
    }

    @Test
    @DisplayName("@create_payment_422.01_phoneNumber_required")
    void create_payment_422_01_phoneNumber_required() {
        phoneNumberRequired();
    }

    @Test
    @DisplayName("@create_payment_422.02_unauthorized_amount")
    void create_payment_422_02_unauthorized_amount() {
        unauthorizedAmount();
    }

    @Test
    @DisplayName("@create_payment_422.02_accumulated_threshold_amount_overpassed")
    void create_payment_422_02_accumulated_threshold_amount_overpassed() {
        accumulatedThresholdOverpassed();
    }

    @Test
    @DisplayName("@create_payment_C02.03_unnecessary_phone_number")
    void create_payment_C02_03_unnecessary_phone_number() {
        unnecessaryPhoneNumber();
    }

    @Test
    @DisplayName("@create_payment_C02.04_missing_phone_number")
    void create_payment_C02_04_missing_phone_number() {
        missingPhoneNumber();
    }

    @Test
    @DisplayName("@create_payment_C02.05_phone_number_not_supported")
    void create_payment_C02_05_phone_number_not_supported() {
        phoneNumberNotSupported();
    }

    @Test
    @DisplayName("@create_payment_429.01_Too_Many_Requests")
    void create_payment_429_01_Too_Many_Requests() {
        tooManyRequests();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$.sink", "$.sinkCredential"})
    @DisplayName("@create_payment_400.03_other_input_properties_schema_not_compliant")
    void create_payment_400_03_other_input_properties_schema_not_compliant(String property) {
        propertyNotSchemaCompliant(property);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dcb4j.testkit.camara.PaymentCreationScenarios#requiredProperties")
    @DisplayName("@create_payment_400.04_required_input_properties_missing")
    void create_payment_400_04_required_input_properties_missing(String property) {
        requiredPropertyMissing(property);
    }
}
