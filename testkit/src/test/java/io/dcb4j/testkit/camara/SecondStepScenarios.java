package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.MagicMsisdn;

/** The scenarios confirmPayment and cancelPayment share. */
abstract class SecondStepScenarios extends CamaraFeatureSupport {

    abstract boolean confirm();

    String path(Payment p) {
        return CamaraSimulator.PAYMENTS_PATH + "/payments/" + p.paymentId() + (confirm() ? "/confirm" : "/cancel");
    }

    void call(CamaraClient c, String paymentId, Msisdn phone) {
        if (confirm()) {
            c.confirmPayment(paymentId, phone);
        } else {
            c.cancelPayment(paymentId, phone);
        }
    }

    PaymentStatus after() {
        return confirm() ? PaymentStatus.SUCCEEDED : PaymentStatus.CANCELLED;
    }

    @Override
    Op op() {
        Payment p = reserved(phone());
        return new Op("POST", path(p), "{\"phoneNumber\":\"+" + phone().digits() + "\"}",
                c -> call(c, p.paymentId(), phone()));
    }

    void genericSuccess() {
        Payment p = reserved(phone());
        call(client, p.paymentId(), phone());
        assertThat(client.payment(p.paymentId()).status()).isEqualTo(after());
        Payment other = reserved(phone());
        Answer a = raw("POST", path(other), "{\"phoneNumber\":\"+" + phone().digits() + "\"}");
        assertThat(a.status()).isEqualTo(202);
        assertThat(a.header("x-correlator")).isEqualTo("b4333c46-49c0-4f62-80d7-f0ef930f1c46");
    }

    void threeLeggedPhoneNumber() {
        try (CamaraClient c = CamaraFeatureSupport.threeLegged()) {
            Payment p = c.preparePayment(payment(phone()).build());
            call(c, p.paymentId(), phone());
            assertThat(c.forSubscriber(phone()).payment(p.paymentId()).status()).isEqualTo(after());
        }
        assertThat(sim.requests().stream().filter(r -> r.path().endsWith(confirm() ? "/confirm" : "/cancel"))
                .findFirst().orElseThrow().bodyText()).doesNotContain("phoneNumber");
    }

    void twoLegged() {
        Payment p = reserved(phone());
        call(client, p.paymentId(), phone());
        assertThat(sim.requests().stream().filter(r -> r.path().equals(path(p))).findFirst().orElseThrow()
                .bodyText()).contains("\"phoneNumber\":\"+" + phone().digits() + "\"");
    }

    void noRequestBody() {
        assertError(raw("POST", path(reserved(phone())), null), 400, "INVALID_ARGUMENT");
    }

    void phoneNumberNotSchemaCompliant() {
        assertError(raw("POST", path(reserved(phone())), "{\"phoneNumber\":\"0034671234567\"}"), 400,
                "INVALID_ARGUMENT");
    }

    void paymentNotFound() {
        assertError(() -> call(client, "pay-unknown", phone()), NotFoundException.class, 404, "NOT_FOUND");
    }

    void phoneNumberNotFound() {
        Payment p = reserved(phone());
        assertError(() -> call(client, p.paymentId(), phone(MagicMsisdn.UNKNOWN_SUBSCRIBER)), NotFoundException.class,
                404, "IDENTIFIER_NOT_FOUND");
    }

    void alreadyConfirmed() {
        Payment p = reserved(phone());
        client.confirmPayment(p.paymentId(), phone());
        assertError(() -> call(client, p.paymentId(), phone()), ConflictException.class, 409,
                "CARRIER_BILLING.PAYMENT_CONFIRMED");
    }

    void alreadyCancelled() {
        Payment p = reserved(phone());
        client.cancelPayment(p.paymentId(), phone());
        assertError(() -> call(client, p.paymentId(), phone()), ConflictException.class, 409,
                "CARRIER_BILLING.PAYMENT_CANCELLED");
    }

    void phoneNumberRequired() {
        Payment p = reserved(phone());
        assertThatThrownBy(() -> call(client, p.paymentId(), null)).as("the client refuses it before sending")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phoneNumber");
        assertError(raw("POST", path(p), "{}"), 422, "MISSING_IDENTIFIER");
    }

    void unnecessaryPhoneNumber() {
        Payment p = reserved(phone());
        assertError(raw("POST", path(p), "Bearer " + sim.threeLeggedToken(phone()), "c-1",
                "{\"phoneNumber\":\"+" + phone().digits() + "\"}"), 422, "UNNECESSARY_IDENTIFIER");
    }

    void missingPhoneNumber() {
        assertError(raw("POST", path(reserved(phone())), "{\"phoneNumber\":null}"), 422, "MISSING_IDENTIFIER");
    }

    void phoneNumberNotSupported() {
        Payment p = reserved(phone());
        assertError(() -> call(client, p.paymentId(), phone(MagicMsisdn.BARRED)), InvalidRequestException.class, 422,
                "SERVICE_NOT_APPLICABLE");
    }

    void paymentDenied() {
        Payment p = reserved(phone(CamaraSimulator.PAYMENT_DENIED));
        assertError(() -> call(client, p.paymentId(), phone(CamaraSimulator.PAYMENT_DENIED)), DcbApiException.class,
                403, "CARRIER_BILLING.PAYMENT_DENIED");
        assertThat(client.payment(p.paymentId()).status()).isEqualTo(PaymentStatus.DENIED);
    }
}
