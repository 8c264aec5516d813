package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The neutral BillingProvider API over Eclipse payments. */
class NeutralApiTest extends WireMockSupport {

    private static final String PAYMENTS = T + "/customers/723689/payments";

    @Test
    void capabilitiesAreExactlyChargeStatusAndNotifications() {
        try (BillingProvider provider = client()) {
            assertThat(provider.id()).isEqualTo("eclipse-vas");
            assertThat(provider.capabilities()).isEqualTo(EnumSet.of(Capability.ONE_OFF_CHARGE,
                    Capability.CHARGE_STATUS, Capability.NOTIFICATIONS));
            assertThat(provider.supports(Capability.PIN_SUBSCRIPTION)).isFalse();
            assertThat(provider.supports(Capability.RENEW)).isFalse();
            assertThat(provider.supports(Capability.CANCEL)).isFalse();
            assertThat(provider.supports(Capability.SUBSCRIPTION_STATUS)).isFalse();
            assertThat(provider.pinSubscriptions()).isEmpty();
            assertThat(provider.subscriptions()).isEmpty();
            assertThat(provider.cancellations()).isEmpty();
            assertThat(provider.renewals()).isEmpty();
            assertThat(provider.charges()).isPresent();
            assertThat(provider.notifications()).isPresent();
            assertThatThrownBy(() -> provider.capabilities().add(Capability.CANCEL))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void chargeInitiatesThenCompletesAndStaysProcessing() {
        wm.stubFor(post(PAYMENTS).willReturn(okJson(pending(91001, "abcd1234"))));
        wm.stubFor(put(T + "/payments/91001").willReturn(ok("Success")));
        try (BillingProvider provider = client()) {
            ChargeResult result = provider.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("155", "ZAR"))
                    .msisdn(Msisdn.of("+27 82 123 4567")).offer(OfferId.of("5_VD50")).clientReference("abcd1234")
                    .description("DATA2.5GB").returnUrl("https://shop.example/done")
                    .param("customerId", "723689").param("walletId", "1001")
                    .param("callbackUrl", "https://shop.example/eclipse/callback")
                    .param("field.accountNumber", "ACC-1").build());
            assertThat(result.charge()).isEqualTo(ChargeRef.of("91001"));
            assertThat(result.state()).isEqualTo(ChargeState.PROCESSING);
            assertThat(result.rawState()).isEqualTo("PENDING");
            assertThat(result.amount()).isEqualTo(Money.of("155", "ZAR"));
            assertThat(result.nextAction().type()).isEqualTo(io.dcb4j.core.model.NextAction.Type.NONE);
            assertThat(result.details()).containsEntry("paymentId", "91001").containsEntry("externalUniqueId", "abcd1234");
            assertThat(result.toString()).doesNotContain("27821234567");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(PAYMENTS)).withRequestBody(equalToJson("""
                {"additionalFields": [{"id": "msisdn", "value": "27821234567"}, {"id": "accountNumber", "value": "ACC-1"}],
                 "landingUrl": "https://shop.example/done", "callbackUrl": "https://shop.example/eclipse/callback",
                 "externalUniqueId": "abcd1234", "paymentData": "5_VD50", "type": "GLOBAL_VAS", "currency": "ZAR",
                 "walletId": 1001, "amount": 155, "description": "DATA2.5GB"}""")));
        wm.verify(1, putRequestedFor(urlPathEqualTo(T + "/payments/91001")).withRequestBody(equalToJson("""
                {"amount": 155, "walletId": 1001, "landingUrl": "https://shop.example/done", "externalUniqueId": "abcd1234"}""")));
    }

    @Test
    void chargeUsesTheBuilderDefaultsAndOneGeneratedExternalId() {
        wm.stubFor(post(PAYMENTS).willReturn(okJson(pending(91002, "gen-1"))));
        wm.stubFor(put(T + "/payments/91002").willReturn(okJson(pending(91002, "gen-1")
                .replace("PENDING", "SUCCESSFUL").replace("}", ", \"amount\": 10.50, \"currency\": \"ZAR\"}"))));
        try (EclipseVasClient eclipse = builder().defaultCustomerId(723689).defaultWalletId(2002)
                .defaultCallbackUrl("https://shop.example/cb").externalUniqueIds(() -> "gen-1").build()) {
            ChargeResult result = eclipse.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("10.50", "ZAR"))
                    .param("paymentData", "15_1764").param("phone", "27821234567").param("customFraudChecks", "false")
                    .build());
            assertThat(result.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(result.amount()).isEqualTo(Money.of("10.5", "ZAR"));
        }
        wm.verify(postRequestedFor(urlPathEqualTo(PAYMENTS)).withRequestBody(equalToJson("""
                {"additionalFields": [], "callbackUrl": "https://shop.example/cb", "externalUniqueId": "gen-1",
                 "paymentData": "15_1764", "type": "GLOBAL_VAS", "currency": "ZAR", "walletId": 2002, "amount": 10.50,
                 "phone": "27821234567", "customFraudChecks": false}""")));
        wm.verify(putRequestedFor(urlPathEqualTo(T + "/payments/91002")).withRequestBody(equalToJson("""
                {"amount": 10.50, "walletId": 2002, "externalUniqueId": "gen-1"}""")));
    }

    @Test
    void theIdempotencyKeyIsTheExternalIdWhenThereIsNoClientReference() {
        wm.stubFor(post(PAYMENTS).willReturn(okJson(pending(91003, "idem-7"))));
        wm.stubFor(put(T + "/payments/91003").willReturn(ok("")));
        try (EclipseVasClient eclipse = builder().defaultCustomerId(723689).build()) {
            eclipse.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .offer(OfferId.of("4_M512")).idempotencyKey("idem-7").build());
        }
        wm.verify(postRequestedFor(urlPathEqualTo(PAYMENTS)).withRequestBody(equalToJson("""
                {"additionalFields": [], "externalUniqueId": "idem-7", "paymentData": "4_M512", "type": "GLOBAL_VAS",
                 "currency": "ZAR", "amount": 5}""")));
    }

    @Test
    void anInitiationAnswered503IsRetriedWithTheSameExternalId() {
        wm.stubFor(post(PAYMENTS).inScenario("retry").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post(PAYMENTS).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(okJson(pending(91004, "same-id"))));
        wm.stubFor(put(T + "/payments/91004").willReturn(ok("Success")));
        try (EclipseVasClient eclipse = builder().defaultCustomerId(723689).build()) {
            eclipse.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .offer(OfferId.of("4_M512")).clientReference("same-id").build());
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(PAYMENTS))
                .withRequestBody(equalToJson("{\"externalUniqueId\": \"same-id\"}", true, true)));
    }

    @Test
    void aCompletionWhoseOutcomeIsUnknownIsNotRetriedAndNamesThePayment() {
        wm.stubFor(post(PAYMENTS).willReturn(okJson(pending(91005, "x-5"))));
        wm.stubFor(put(T + "/payments/91005").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (EclipseVasClient eclipse = builder().defaultCustomerId(723689).build()) {
            Charges charges = eclipse.charges().orElseThrow();
            ChargeRequest request = ChargeRequest.builder(Money.of("5", "ZAR")).offer(OfferId.of("4_M512")).build();
            assertThatThrownBy(() -> charges.charge(request)).isInstanceOfSatisfying(DcbTransportException.class, e -> {
                assertThat(e.getMessage()).isEqualTo("the payment was initiated but its completion outcome is unknown; "
                        + "query the status of this paymentId (see reference) before charging again "
                        + "[provider=eclipse-vas, operation=completePayment, reference=paymentId 91005]");
                assertThat(e.reference()).hasValue(new ProviderReference("paymentId", "91005"));
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.operation()).isEqualTo("completePayment");
            });
        }
        wm.verify(1, putRequestedFor(urlPathEqualTo(T + "/payments/91005")));
    }

    @Test
    void chargeNeedsACustomerAndPaymentData() {
        try (EclipseVasClient eclipse = client()) {
            Charges charges = eclipse.charges().orElseThrow();
            assertThatThrownBy(() -> charges.charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .offer(OfferId.of("4_M512")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customerId");
            assertThatThrownBy(() -> charges.charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .param("customerId", "1").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paymentData");
            assertThatThrownBy(() -> charges.charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .param("customerId", "one").offer(OfferId.of("4_M512")).build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
            assertThatThrownBy(() -> charges.charge(ChargeRequest.builder(Money.of("5", "ZAR"))
                    .param("customerId", "1").offer(OfferId.of("VD50")).build()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> charges.status(ChargeRef.of("abc"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> charges.charge(ChargeRequest.builder(Money.of("5", "ZAR")).param("customerId", "1")
                    .offer(OfferId.of("4_M512")).param("customFraudChecks", "maybe").build()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customFraudChecks");
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo(PAYMENTS)));
    }

    @ParameterizedTest
    @CsvSource({
        "Insufficient funds in wallet, INSUFFICIENT_FUNDS",
        "Subscriber is barred, BARRED",
        "Account blocked, BARRED",
        "Daily spend limit reached, SPEND_LIMIT",
        "Unknown subscriber, UNKNOWN_SUBSCRIBER",
        "Invalid MSISDN, UNKNOWN_SUBSCRIBER",
        ": , BILLING_FAILED"})
    void aFailedPaymentsReasonIsReadFromItsErrorDescription(String description, FailureReason reason) {
        wm.stubFor(get(T + "/payments/142607").willReturn(okJson(res("umeme-payment.json")
                .replace("\"status\": \"PENDING\"", "\"status\": \"ERROR\", \"errorDescription\": \"" + description + "\""))));
        try (BillingProvider provider = client()) {
            ChargeResult result = provider.charges().orElseThrow().status(ChargeRef.of("142607"));
            assertThat(result.state()).isEqualTo(ChargeState.DENIED);
            assertThat(result.failureReason()).isEqualTo(reason);
            assertThat(result.details()).containsEntry("errorDescription", description);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING, PROCESSING, ",
        "SUCCESSFUL, SUCCEEDED, ",
        "ERROR, DENIED, BILLING_FAILED",
        "EXPIRED, DENIED, OTHER",
        "CANCELLED, CANCELLED, ",
        "ON_HOLD, UNKNOWN, "})
    void statusReadsThePayment(String raw, ChargeState state, FailureReason reason) {
        wm.stubFor(get(T + "/payments/142607").willReturn(okJson(res("umeme-payment.json")
                .replace("\"status\": \"PENDING\"", "\"status\": \"" + raw + "\""))));
        try (BillingProvider provider = client()) {
            ChargeResult result = provider.charges().orElseThrow().status(ChargeRef.of("142607"));
            assertThat(result.state()).isEqualTo(state);
            assertThat(result.rawState()).isEqualTo(raw);
            assertThat(result.failureReason()).isEqualTo(reason);
            assertThat(result.amount()).isEqualTo(Money.of("29182", "UGX"));
            assertThat(result.details()).containsEntry("gatewayTransactionId", "fa5acd83-9d3f-4571-b290-7f0f29c2fc8e")
                    .containsEntry("customerId", "184132").containsEntry("walletId", "206744")
                    .containsEntry("created", "2024-01-26T15:14:53Z").containsEntry("paymentType", "EFT");
        }
    }
}
