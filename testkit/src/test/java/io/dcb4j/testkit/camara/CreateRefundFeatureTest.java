package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentItem;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundItem;
import io.dcb4j.camara.model.RefundStatus;
import io.dcb4j.camara.model.RefundType;
import io.dcb4j.camara.model.SinkCredential;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.spi.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code carrier-billing-refund-createRefund.feature}, every scenario, named after its id. */
class CreateRefundFeatureTest extends CamaraFeatureSupport {

    static String path(Payment p) {
        return CamaraSimulator.REFUNDS_PATH + "/payments/" + p.paymentId() + "/refunds";
    }

    static String body() {
        return "{\"type\":\"partial\",\"amountTransaction\":{\"clientCorrelator\":\"rf-req-1\",\"refundAmount\":{"
                + "\"chargingInformation\":{\"amount\":5,\"currency\":\"EUR\",\"description\":\"Partial\"}},"
                + "\"referenceCode\":\"ref-refund-1\"}}";
    }

    static ObjectNode bodyTree() {
        return (ObjectNode) Json.treeOrNull(body());
    }

    @Override
    Op op() {
        Payment p = paid();
        return new Op("POST", path(p), body(), c -> c.createRefund(p.paymentId(), partial("5").build()));
    }

    @Test
    @DisplayName("@create_refund_01_generic_success_scenario")
    void create_refund_01_generic_success_scenario() {
        Payment p = paid();
        Refund r = refunded(p, partial("5").build());
        assertThat(r.refundId()).isNotBlank();
        assertThat(r.paymentId()).isEqualTo(p.paymentId());
        assertThat(r.createdAt()).isNotNull();
        Answer a = raw("POST", path(p), body());
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    @Test
    @DisplayName("@create_refund_02_generic_success_scenario_with_sink_information")
    void create_refund_02_generic_success_scenario_with_sink_information() {
        Refund r = refunded(paid(), partial("5").sink("https://endpoint.example.com/refunds", null).build());
        assertThat(r.sink()).isEqualTo("https://endpoint.example.com/refunds");
        assertThat(sim.notifications()).anySatisfy(n -> assertThat(n.path()).isEqualTo("/refunds"));
    }

    @Test
    @DisplayName("@create_refund_03_generic_success_scenario_with_sink_and_sinkCredential_information")
    void create_refund_03_generic_success_scenario_with_sink_and_sinkCredential_information() {
        refunded(paid(), partial("5").sink("https://endpoint.example.com/refunds",
                new SinkCredential("refund-sink-token", Instant.now().plusSeconds(86400))).build());
        InboundNotification event = sim.notifications().stream().filter(n -> n.path().equals("/refunds"))
                .findFirst().orElseThrow();
        assertThat(event.header("Authorization")).hasValue("Bearer refund-sink-token");
        assertThat(event.bodyText()).contains("refund-completed");
    }

    @Test
    @DisplayName("@create_refund_04_total_refund")
    void create_refund_04_total_refund() {
        Refund r = refunded(paid(), total().build());
        assertThat(r.type()).isEqualTo(RefundType.TOTAL);
        assertThat(r.amount()).isNull();
        assertThat(sim.requests().stream().filter(x -> x.path().endsWith("/refunds")).findFirst().orElseThrow()
                .bodyText()).contains("\"refundAmount\":{}");
    }

    @Test
    @DisplayName("@create_refund_04_partial_refund_amountTransaction_gross_amount")
    void create_refund_04_partial_refund_amountTransaction_gross_amount() {
        Payment p = client.createPayment(payment(phone()).taxIncluded(true).build());
        assertThat(refunded(p, partial("5").taxIncluded(true).build()).taxIncluded()).isTrue();
    }

    @Test
    @DisplayName("@create_refund_05_partial_refund_amountTransaction_net_amount")
    void create_refund_05_partial_refund_amountTransaction_net_amount() {
        Payment p = paid();
        assertThat(refunded(p, partial("5").taxIncluded(false).build()).taxIncluded()).isIn(false, null);
        assertThat(refunded(p, partial("5").build()).taxIncluded()).isIn(false, null);
    }

    @Test
    @DisplayName("@create_refund_06_partial_refund_amountTransaction_taxAmount")
    void create_refund_06_partial_refund_amountTransaction_taxAmount() {
        assertThat(refunded(paid(), partial("5").taxAmount(new BigDecimal("0.87")).build()).taxAmount())
                .isEqualByComparingTo("0.87");
    }

    @Test
    @DisplayName("@create_refund_07_amountTransaction_merchantIdentifier")
    void create_refund_07_amountTransaction_merchantIdentifier() {
        assertThat(refunded(paid(), total().merchantIdentifier("eas-12345").build()).merchantIdentifier())
                .isEqualTo("eas-12345");
    }

    @Test
    @DisplayName("@create_refund_08_partial_refund_amountTransaction_refundDetails")
    void create_refund_08_partial_refund_amountTransaction_refundDetails() {
        Payment p = client.createPayment(payment(phone(), "100")
                .item(new PaymentItem("item-1", Money.of("100", "EUR"), "Game", null, null)).build());
        RefundItem item = new RefundItem("item-1", Money.of("30", "EUR"), "Game", null, null);
        assertThat(refunded(p, partial("30").item(item).build()).refundDetails()).containsExactly(item);
    }

    @Test
    @DisplayName("@create_refund_09_amountTransaction_clientCorrelator")
    void create_refund_09_amountTransaction_clientCorrelator() {
        assertThat(refunded(paid(), total().clientCorrelator("req-12f2pgh448gh2hvrfrv").build()).clientCorrelator())
                .isEqualTo("req-12f2pgh448gh2hvrfrv");
    }

    @Test
    @DisplayName("@create_refund_10_reason")
    void create_refund_10_reason() {
        assertThat(refunded(paid(), total().reason("Item not delivered").build()).reason())
                .isEqualTo("Item not delivered");
    }

    @Test
    @DisplayName("@create_refund_11_sync_behaviour")
    void create_refund_11_sync_behaviour() {
        assertThat(refunded(paid(), total().build()).status()).isEqualTo(RefundStatus.SUCCEEDED);
    }

    @Test
    @DisplayName("@create_refund_12_async_behaviour")
    void create_refund_12_async_behaviour() {
        Payment p = paid(phone(CamaraSimulator.ASYNC), "50");
        sim.settle(io.dcb4j.core.model.ChargeRef.of(p.paymentId()));
        assertThat(refunded(p, total().build()).status()).isEqualTo(RefundStatus.PROCESSING);
    }

    @Test
    @DisplayName("@create_refund_400.01_no_request_body")
    void create_refund_400_01_no_request_body() {
        assertError(raw("POST", path(paid()), null), 400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("@create_refund_400.02_empty_request_body")
    void create_refund_400_02_empty_request_body() {
        assertError(raw("POST", path(paid()), "{}"), 400, "INVALID_ARGUMENT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$.sink", "$.sinkCredential"})
    @DisplayName("@create_refund_400.03_other_input_properties_schema_not_compliant")
    void create_refund_400_03_other_input_properties_schema_not_compliant(String property) {
        ObjectNode b = bodyTree();
        if (property.equals("$.sink")) {
            b.put("sink", 42);
        } else {
            b.put("sink", "https://endpoint.example.com/sink");
            b.put("sinkCredential", "ACCESSTOKEN");
        }
        assertError(raw("POST", path(paid()), b.toString()), 400, "INVALID_ARGUMENT");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"$.type", "$.amountTransaction", "$.amountTransaction.refundAmount",
        "$.amountTransaction.referenceCode"})
    @DisplayName("@create_refund_400.04_required_input_properties_missing")
    void create_refund_400_04_required_input_properties_missing(String property) {
        ObjectNode b = bodyTree();
        String[] parts = property.substring(2).split("\\.");
        ObjectNode parent = b;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        assertError(raw("POST", path(paid()), b.toString()), 400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("@create_refund_400.05_clientCorrelator_in_use")
    void create_refund_400_05_clientCorrelator_in_use() {
        Payment p = paid();
        refunded(p, partial("5").clientCorrelator("rf-in-use").build());
        assertError(() -> refunded(p, partial("6").clientCorrelator("rf-in-use").build()), ConflictException.class,
                400, "INVALID_ARGUMENT");
    }

    @Test
    @DisplayName("@create_refund_400.06_invalid_sink")
    void create_refund_400_06_invalid_sink() {
        ObjectNode b = bodyTree();
        b.put("sink", "ftp://endpoint.example.com/sink");
        assertError(raw("POST", path(paid()), b.toString()), 400, "INVALID_SINK");
        assertThatThrownBy(() -> partial("5").sink("ftp://endpoint.example.com/sink", null).build())
                .as("the client refuses it before sending").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("@create_refund_400.07_invalid_sinkCredential")
    void create_refund_400_07_invalid_sinkCredential() {
        ObjectNode b = bodyTree();
        b.put("sink", "https://endpoint.example.com/sink");
        b.putObject("sinkCredential").put("credentialType", "REFRESHTOKEN");
        assertError(raw("POST", path(paid()), b.toString()), 400, "INVALID_CREDENTIAL");
    }

    @Test
    @DisplayName("@create_refund_400.08_invalid_sinkCredential_Acccestoken")
    void create_refund_400_08_invalid_sinkCredential_Acccestoken() {
        ObjectNode b = bodyTree();
        b.put("sink", "https://endpoint.example.com/sink");
        b.putObject("sinkCredential").put("credentialType", "ACCESSTOKEN").put("accessToken", "t")
                .put("accessTokenExpiresUtc", "2030-01-01T00:00:00Z").put("accessTokenType", "mac");
        assertError(raw("POST", path(paid()), b.toString()), 400, "INVALID_TOKEN");
    }

    @Test
    @DisplayName("@create_refund_400.09_invalid_x-correlator")
    void create_refund_400_09_invalid_x_correlator() {
        invalidCorrelator();
    }

    @Test
    @DisplayName("@create_refund_401.01_no_authorization_header")
    void create_refund_401_01_no_authorization_header() {
        noAuthorizationHeader();
    }

    @Test
    @DisplayName("@create_refund_401.02_expired_access_token")
    void create_refund_401_02_expired_access_token() {
        expiredAccessToken();
    }

    @Test
    @DisplayName("@create_refund_401.03_invalid_access_token")
    void create_refund_401_03_invalid_access_token() {
        invalidAccessToken();
    }

    @Test
    @DisplayName("@create_refund_403.01_invalid_token_permissions")
    void create_refund_403_01_invalid_token_permissions() {
        tokenWithoutScope();
    }

    @Test
    @DisplayName("@create_refund_403.02_refund_denied")
    void create_refund_403_02_refund_denied() {
        Payment p = paid(phone(CamaraSimulator.REFUND_DENIED), "20");
        assertError(() -> refunded(p, total().build()), DcbApiException.class, 403,
                "CARRIER_BILLING_REFUND.REFUND_DENIED");
    }

    @Test
    @DisplayName("@create_refund_403.03_payment_not_eligible_for_refund")
    void create_refund_403_03_payment_not_eligible_for_refund() {
        Payment p = paid(phone(CamaraSimulator.NOT_REFUNDABLE), "20");
        assertError(() -> refunded(p, total().build()), DcbApiException.class, 403,
                "CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND");
    }

    @Test
    @DisplayName("@create_refund_404.01_payment_not_found")
    void create_refund_404_01_payment_not_found() {
        assertError(() -> client.createRefund("pay-unknown", total().build()), NotFoundException.class, 404,
                "NOT_FOUND");
    }

    @Test
    @DisplayName("@create_refund_409.01_refund_duplicated")
    void create_refund_409_01_refund_duplicated() {
        Payment p = paid();
        ObjectNode b = bodyTree();
        ((ObjectNode) b.get("amountTransaction")).remove("clientCorrelator");
        assertThat(raw("POST", path(p), b.toString()).status()).isEqualTo(201);
        assertError(raw("POST", path(p), b.toString()), 409, "ALREADY_EXISTS");
    }

    @Test
    @DisplayName("@create_refund_422.01_unauthorized_amount")
    void create_refund_422_01_unauthorized_amount() {
        Payment p = paid(phone(), "20");
        assertError(() -> refunded(p, partial("20.01").build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING_REFUND.UNAUTHORIZED_AMOUNT");
    }

    @Test
    @DisplayName("@create_refund_422.02_accumulated_threshold_amount_overpassed")
    void create_refund_422_02_accumulated_threshold_amount_overpassed() {
        Payment first = paid(phone(), "400");
        Payment second = paid(phone(), "400");
        refunded(first, total().build());
        assertError(() -> refunded(second, partial("300").build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING_REFUND.USER_AMOUNT_THRESHOLD_OVERPASSED");
    }

    @Test
    @DisplayName("@create_refund_422.03_payment_invalid_status")
    void create_refund_422_03_payment_invalid_status() {
        Payment p = reserved(phone());
        assertError(() -> refunded(p, total().build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING_REFUND.INVALID_PAYMENT_STATUS");
    }

    @Test
    @DisplayName("@create_refund_422.04_inconsistent_tax_management")
    void create_refund_422_04_inconsistent_tax_management() {
        Payment p = paid();
        assertError(() -> refunded(p, partial("5").taxIncluded(true).build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING_REFUND.TAXES_MANAGEMENT_MISMATCH");
    }

    @Test
    @DisplayName("@create_refund_422.05_inconsistent_refund_details")
    void create_refund_422_05_inconsistent_refund_details() {
        Payment p = client.createPayment(payment(phone(), "100")
                .item(new PaymentItem("item-1", Money.of("100", "EUR"), "Game", null, null)).build());
        assertError(() -> refunded(p, partial("30").item(new RefundItem("item-9", Money.of("30", "EUR"), "Game",
                null, null)).build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING_REFUND.REFUND_DETAILS_MISMATCH");
    }

    @Test
    @DisplayName("@create_refund_429.01_Too_Many_Requests")
    void create_refund_429_01_Too_Many_Requests() {
        tooManyRequests();
    }
}
