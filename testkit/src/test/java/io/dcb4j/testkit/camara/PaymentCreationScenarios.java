package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.ChargingMetaData;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentItem;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.camara.model.SinkCredential;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.spi.json.Json;
import io.dcb4j.testkit.MagicMsisdn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The scenarios createPayment and preparePayment share, the flow being the only difference. */
abstract class PaymentCreationScenarios extends CamaraFeatureSupport {

    abstract boolean twoStep();

    String path() {
        return CamaraSimulator.PAYMENTS_PATH + (twoStep() ? "/payments/prepare" : "/payments");
    }

    Payment create(CamaraClient c, PaymentRequest r) {
        return twoStep() ? c.preparePayment(r) : c.createPayment(r);
    }

    Payment create(PaymentRequest r) {
        return create(client, r);
    }

    static String body() {
        return "{\"amountTransaction\":{\"phoneNumber\":\"+34671234567\",\"clientCorrelator\":\"req-1\","
                + "\"paymentAmount\":{\"chargingInformation\":{\"amount\":2.99,\"currency\":\"EUR\","
                + "\"description\":\"VOD\"}},\"referenceCode\":\"ref-1\"}}";
    }

    static ObjectNode bodyTree() {
        return (ObjectNode) Json.treeOrNull(body());
    }

    @Override
    Op op() {
        return new Op("POST", path(), body(), c -> create(c, payment(phone()).build()));
    }

    void genericSuccess() {
        Payment p = create(payment(phone()).build());
        assertThat(p.paymentId()).isNotBlank();
        assertThat(p.createdAt()).isNotNull();
        Answer a = raw("POST", path(), body());
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
        assertThat(a.json().path("paymentStatus").asText()).isNotBlank();
    }

    void withSink() {
        Payment p = create(payment(phone()).sink("https://endpoint.example.com/sink", null).build());
        assertThat(p.sink()).isEqualTo("https://endpoint.example.com/sink");
        assertThat(sim.notifications()).isNotEmpty().allSatisfy(n -> assertThat(n.path()).isEqualTo("/sink"));
    }

    void withSinkAndCredential() {
        Payment p = create(payment(phone()).sink("https://endpoint.example.com/sink",
                new SinkCredential("sink-access-token-1", Instant.now().plusSeconds(86400))).build());
        assertThat(p.sink()).isEqualTo("https://endpoint.example.com/sink");
        InboundNotification event = sim.notifications().get(0);
        assertThat(event.header("Authorization")).hasValue("Bearer sink-access-token-1");
        assertThat(event.header("Content-Type")).hasValue("application/cloudevents+json");
    }

    void grossAmount() {
        assertThat(create(payment(phone()).taxIncluded(true).build()).taxIncluded()).isTrue();
    }

    void netAmount() {
        assertThat(create(payment(phone()).taxIncluded(false).build()).taxIncluded()).isIn(false, null);
        assertThat(create(payment(phone()).build()).taxIncluded()).isIn(false, null);
    }

    void taxAmount() {
        assertThat(create(payment(phone()).taxIncluded(true).taxAmount(new BigDecimal("17.36")).build()).taxAmount())
                .isEqualByComparingTo("17.36");
    }

    void merchantIdentifier() {
        assertThat(create(payment(phone()).metaData(ChargingMetaData.merchant("eas-12345")).build()).metaData()
                .merchantIdentifier()).isEqualTo("eas-12345");
    }

    void paymentDetails() {
        PaymentItem a = new PaymentItem("item-1", Money.of("60", "EUR"), "Game", null, null);
        PaymentItem b = new PaymentItem("item-2", Money.of("40", "EUR"), "Season pass", true, new BigDecimal("6.94"));
        assertThat(create(payment(phone()).item(a).item(b).build()).paymentDetails()).containsExactly(a, b);
    }

    void clientCorrelator() {
        assertThat(create(payment(phone()).clientCorrelator("req-12f2pgh448gh2hvrfrv").build()).clientCorrelator())
                .isEqualTo("req-12f2pgh448gh2hvrfrv");
    }

    void threeLeggedPhoneNumber() {
        try (CamaraClient c = threeLegged()) {
            Payment p = create(c, payment(phone()).build());
            assertThat(p.phoneNumber()).isEqualTo(phone());
        }
        assertThat(sim.requests().stream().filter(r -> r.path().equals(path())).findFirst().orElseThrow()
                .bodyText()).doesNotContain("phoneNumber");
    }

    void twoLeggedPhoneNumber() {
        assertThat(create(payment(phone()).build()).phoneNumber()).isEqualTo(phone());
    }

    void syncBehaviour(PaymentStatus expected) {
        Payment p = create(payment(phone()).build());
        assertThat(p.status()).isEqualTo(expected);
    }

    void asyncBehaviour() {
        assertThat(create(payment(phone(CamaraSimulator.ASYNC)).build()).status()).isEqualTo(PaymentStatus.PROCESSING);
    }

    void noRequestBody() {
        assertError(raw("POST", path(), null), 400, "INVALID_ARGUMENT");
    }

    void emptyRequestBody() {
        assertError(raw("POST", path(), "{}"), 400, "INVALID_ARGUMENT");
    }

    void propertyNotSchemaCompliant(String property) {
        ObjectNode b = bodyTree();
        if (property.equals("$.sink")) {
            b.put("sink", 42);
        } else {
            b.put("sink", "https://endpoint.example.com/sink");
            b.put("sinkCredential", "ACCESSTOKEN");
        }
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_ARGUMENT");
    }

    void requiredPropertyMissing(String property) {
        ObjectNode b = bodyTree();
        String[] parts = property.substring(2).split("\\.");
        ObjectNode parent = b;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_ARGUMENT");
    }

    void clientCorrelatorInUse() {
        create(payment(phone(CamaraSimulator.ASYNC)).clientCorrelator("req-in-use").build());
        assertError(() -> create(payment(phone()).clientCorrelator("req-in-use").build()), ConflictException.class,
                400, "INVALID_ARGUMENT");
    }

    void invalidSink() {
        ObjectNode b = bodyTree();
        b.put("sink", "ftp://endpoint.example.com/sink");
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_SINK");
        assertThatThrownBy(() -> payment(phone()).sink("ftp://endpoint.example.com/sink", null).build())
                .as("the client refuses it before sending").isInstanceOf(IllegalArgumentException.class);
    }

    void invalidSinkCredential() {
        ObjectNode b = bodyTree();
        b.put("sink", "https://endpoint.example.com/sink");
        b.putObject("sinkCredential").put("credentialType", "PLAIN").put("identifier", "u").put("secret", "s");
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_CREDENTIAL");
    }

    void invalidSinkAccessTokenType() {
        ObjectNode b = bodyTree();
        b.put("sink", "https://endpoint.example.com/sink");
        b.putObject("sinkCredential").put("credentialType", "ACCESSTOKEN").put("accessToken", "t")
                .put("accessTokenExpiresUtc", "2030-01-01T00:00:00Z").put("accessTokenType", "mac");
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_TOKEN");
    }

    void phoneNumberNotSchemaCompliant() {
        ObjectNode b = bodyTree();
        ((ObjectNode) b.get("amountTransaction")).put("phoneNumber", "0034 671 234 567");
        assertError(raw("POST", path(), b.toString()), 400, "INVALID_ARGUMENT");
    }

    void paymentDenied() {
        Payment p;
        if (twoStep()) {
            p = create(payment(phone(CamaraSimulator.PAYMENT_DENIED)).build());
            assertError(() -> client.confirmPayment(p.paymentId(), phone(CamaraSimulator.PAYMENT_DENIED)),
                    DcbApiException.class, 403, "CARRIER_BILLING.PAYMENT_DENIED");
        } else {
            assertError(() -> create(payment(phone(CamaraSimulator.PAYMENT_DENIED)).build()), DcbApiException.class,
                    403, "CARRIER_BILLING.PAYMENT_DENIED");
        }
    }

    void phoneNumberNotFound() {
        assertError(() -> create(payment(phone(MagicMsisdn.UNKNOWN_SUBSCRIBER)).build()), NotFoundException.class,
                404, "IDENTIFIER_NOT_FOUND");
    }

    void paymentDuplicated() {
        ObjectNode b = bodyTree();
        ((ObjectNode) b.get("amountTransaction")).remove("clientCorrelator");
        assertThat(raw("POST", path(), b.toString()).status()).isEqualTo(201);
        assertError(raw("POST", path(), b.toString()), 409, "ALREADY_EXISTS");
    }

    void phoneNumberRequired() {
        assertThatThrownBy(() -> create(payment(null).build())).as("the client refuses it before sending")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phoneNumber");
        ObjectNode b = bodyTree();
        ((ObjectNode) b.get("amountTransaction")).remove("phoneNumber");
        assertError(raw("POST", path(), b.toString()), 422, "MISSING_IDENTIFIER");
    }

    void unauthorizedAmount() {
        assertError(() -> create(payment(phone(), "500.01").build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING.UNAUTHORIZED_AMOUNT");
    }

    void accumulatedThresholdOverpassed() {
        create(payment(phone(), "400").build());
        create(payment(phone(), "400").build());
        assertError(() -> create(payment(phone(), "300").build()), InvalidRequestException.class, 422,
                "CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED");
    }

    void unnecessaryPhoneNumber() {
        Answer a = raw("POST", path(), "Bearer " + sim.threeLeggedToken(phone()), "c-1", body());
        assertError(a, 422, "UNNECESSARY_IDENTIFIER");
    }

    void missingPhoneNumber() {
        ObjectNode b = bodyTree();
        ((ObjectNode) b.get("amountTransaction")).remove("phoneNumber");
        assertError(raw("POST", path(), b.toString()), 422, "MISSING_IDENTIFIER");
    }

    void phoneNumberNotSupported() {
        assertError(() -> create(payment(phone(MagicMsisdn.BARRED)).build()), InvalidRequestException.class, 422,
                "SERVICE_NOT_APPLICABLE");
    }

    static List<String> requiredProperties() {
        return List.of("$.amountTransaction", "$.amountTransaction.paymentAmount",
                "$.amountTransaction.referenceCode", "$.amountTransaction.paymentAmount.chargingInformation",
                "$.amountTransaction.paymentAmount.chargingInformation.amount",
                "$.amountTransaction.paymentAmount.chargingInformation.currency",
                "$.amountTransaction.paymentAmount.chargingInformation.description");
    }
}
