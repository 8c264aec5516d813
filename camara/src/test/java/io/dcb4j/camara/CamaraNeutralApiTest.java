package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import org.junit.jupiter.api.Test;

/** CAMARA through the neutral API: charges in one or two steps, confirm, cancel, refunds. */
class CamaraNeutralApiTest extends CamaraTestSupport {

    static final String P = PAYMENTS + "/" + PAYMENT_ID;

    static ChargeRequest charge(String flow) {
        ChargeRequest.Builder b = ChargeRequest.builder(Money.of("2.99", "EUR")).msisdn(PHONE)
                .offer(OfferId.of("vod-47")).description("VOD rental").clientReference("order-9")
                .idempotencyKey("key-9").param("merchantIdentifier", "m-1");
        if (flow != null) {
            b.param("flow", flow);
        }
        return b.build();
    }

    @Test
    void theCapabilitiesAreChargesConfirmCancelRefundAndNotifications() {
        try (BillingProvider c = client()) {
            assertThat(c.capabilities()).containsExactlyInAnyOrder(Capability.ONE_OFF_CHARGE,
                    Capability.CHARGE_STATUS, Capability.CONFIRM_CHARGE, Capability.CANCEL_CHARGE, Capability.REFUND,
                    Capability.NOTIFICATIONS);
            assertThat(c.pinSubscriptions()).isEmpty();
            assertThat(c.subscriptions()).isEmpty();
            assertThat(c.notifications()).containsSame(((CamaraClient) c).notificationParser());
        }
    }

    @Test
    void aOneStepChargeIsCreatePaymentWithTheIdempotencyKeyAsClientCorrelator() {
        stubToken();
        wm.stubFor(post(PAYMENTS).willReturn(json(201, resource("payment-created.json"))));
        ChargeResult r;
        try (BillingProvider c = client()) {
            r = c.charges().orElseThrow().charge(charge(null));
        }
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS)).withRequestBody(equalToJson("{\"amountTransaction\":{"
                + "\"phoneNumber\":\"+34671999000\",\"clientCorrelator\":\"key-9\",\"paymentAmount\":{"
                + "\"chargingInformation\":{\"amount\":2.99,\"currency\":\"EUR\",\"description\":\"VOD rental\"},"
                + "\"chargingMetaData\":{\"merchantIdentifier\":\"m-1\",\"productId\":\"vod-47\"}},"
                + "\"referenceCode\":\"order-9\"}}")));
        assertThat(r.charge()).isEqualTo(ChargeRef.of(PAYMENT_ID));
        assertThat(r.state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(r.rawState()).isEqualTo("succeeded");
        assertThat(r.amount()).isEqualTo(Money.of("100", "EUR"));
        assertThat(r.nextAction()).isEqualTo(NextAction.none());
        assertThat(r.details()).containsEntry("serverReferenceCode", "ref-pay-834tfr2rA3v8r8vr3rv-serv")
                .containsEntry("clientCorrelator", "req-12f2pgh448gh2hvrfrv");
    }

    @Test
    void aTwoStepChargeWithACodeIsValidatedThenConfirmed() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-validate.json"))));
        wm.stubFor(post(P + "/validate").willReturn(aResponse().withStatus(204)));
        wm.stubFor(post(P + "/confirm").willReturn(aResponse().withStatus(202)));
        wm.stubFor(get(P).inScenario("s").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, resource("prepare-reserved.json"))).willSetStateTo("charged"));
        wm.stubFor(get(P).inScenario("s").whenScenarioStateIs("charged")
                .willReturn(json(200, resource("payment-created.json"))));
        try (BillingProvider c = client()) {
            ChargeResult pending = c.charges().orElseThrow().charge(charge("two-step"));
            assertThat(pending.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
            assertThat(pending.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
            assertThat(pending.details()).containsEntry("authorizationId", "Fn34o8g239v3wrb3t");
            assertThatThrownBy(() -> c.chargeConfirmations().orElseThrow().confirm(pending))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("code");
            ChargeResult done = c.chargeConfirmations().orElseThrow().confirm(pending, "352673");
            assertThat(done.state()).isEqualTo(ChargeState.SUCCEEDED);
        }
        wm.verify(postRequestedFor(urlEqualTo(P + "/validate"))
                .withRequestBody(equalToJson("{\"authorizationId\":\"Fn34o8g239v3wrb3t\",\"code\":\"352673\"}")));
        wm.verify(postRequestedFor(urlEqualTo(P + "/confirm"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"+34671999000\"}")));
        wm.verify(2, getRequestedFor(urlEqualTo(P)));
    }

    @Test
    void aReservedChargeIsConfirmedWithoutCodeAndAWrongCodeIsAnInvalidPin() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-reserved.json"))));
        wm.stubFor(get(P).willReturn(json(200, resource("prepare-reserved.json"))));
        wm.stubFor(post(P + "/confirm").willReturn(aResponse().withStatus(202)));
        wm.stubFor(post(P + "/validate").willReturn(error(400, "CARRIER_BILLING.INVALID_CODE", "Invalid code.")));
        try (CamaraClient c = builder().twoStepCharges(true).build()) {
            ChargeResult reserved = c.charges().orElseThrow().charge(charge(null));
            assertThat(reserved.state()).isEqualTo(ChargeState.RESERVED);
            assertThat(c.chargeConfirmations().orElseThrow().confirm(reserved).state()).isEqualTo(ChargeState.RESERVED);
            ChargeResult withAuth = new ChargeResult(reserved.charge(), ChargeState.PENDING_VALIDATION, null, null,
                    new NextAction.EnterPin(null), null, java.util.Map.of("authorizationId", "a-1"));
            assertThatThrownBy(() -> c.chargeConfirmations().orElseThrow().confirm(withAuth, "000000"))
                    .isInstanceOf(InvalidPinException.class);
            assertThatThrownBy(() -> c.chargeConfirmations().orElseThrow().confirm(reserved, "000000"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no code");
        }
        wm.verify(1, postRequestedFor(urlEqualTo(P + "/confirm")));
    }

    @Test
    void anOpenValidationIsARedirectAndADeniedPaymentCarriesItsReason() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-open.json"))));
        wm.stubFor(get(P).willReturn(json(200, resource("payment-created.json").replace("\"succeeded\"",
                "\"denied\""))));
        try (BillingProvider c = client()) {
            ChargeResult r = c.charges().orElseThrow().charge(charge("two-step"));
            assertThat(r.nextAction()).isEqualTo(new NextAction.Redirect(
                    "https://my-payment-service.com/validate/358y24t2g4f2397g45", null, null));
            ChargeResult denied = c.charges().orElseThrow().status(r.charge());
            assertThat(denied.state()).isEqualTo(ChargeState.DENIED);
            assertThat(denied.failureReason()).isEqualTo(FailureReason.DENIED);
            assertThatThrownBy(() -> c.charges().orElseThrow().charge(charge("three-step")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("flow");
        }
    }

    @Test
    void cancelReadsThePhoneNumberThenCancels() {
        stubToken();
        wm.stubFor(post(P + "/cancel").willReturn(aResponse().withStatus(202)));
        wm.stubFor(get(P).inScenario("c").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, resource("prepare-reserved.json"))).willSetStateTo("cancelled"));
        wm.stubFor(get(P).inScenario("c").whenScenarioStateIs("cancelled")
                .willReturn(json(200, resource("prepare-reserved.json").replace("\"reserved\"", "\"cancelled\""))));
        try (BillingProvider c = client()) {
            ChargeResult r = c.chargeCancellations().orElseThrow().cancel(ChargeRef.of(PAYMENT_ID));
            assertThat(r.state()).isEqualTo(ChargeState.CANCELLED);
        }
        wm.verify(postRequestedFor(urlEqualTo(P + "/cancel"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"+34671999000\"}")));
    }

    @Test
    void refundsAreTotalWithoutAmountAndPartialWithOne() {
        stubToken();
        String base = REFUNDS + "/" + PAYMENT_ID + "/refunds";
        wm.stubFor(post(base).withRequestBody(equalToJson("{\"type\":\"total\"}", true, true))
                .willReturn(json(201, resource("refund-total.json"))));
        wm.stubFor(post(base).withRequestBody(equalToJson("{\"type\":\"partial\"}", true, true))
                .willReturn(json(201, resource("refund-partial.json"))));
        wm.stubFor(get(base + "/rf-1").willReturn(json(200, resource("refund-partial.json"))));
        try (BillingProvider c = client()) {
            RefundResult total = c.refunds().orElseThrow().refund(RefundRequest.builder(ChargeRef.of(PAYMENT_ID))
                    .clientReference("ret-1").idempotencyKey("rk-1").build());
            assertThat(total.refund()).isEqualTo(RefundRef.of(ChargeRef.of(PAYMENT_ID), "rf-2"));
            assertThat(total.state()).isEqualTo(RefundState.PROCESSING);
            assertThat(total.amount()).isNull();
            RefundResult partial = c.refunds().orElseThrow().refund(RefundRequest.builder(ChargeRef.of(PAYMENT_ID))
                    .amount(Money.of("20", "EUR")).reason("Item not delivered").idempotencyKey("rk-2")
                    .param("merchantIdentifier", "eas-12345").build());
            assertThat(partial.state()).isEqualTo(RefundState.SUCCEEDED);
            assertThat(partial.amount()).isEqualTo(Money.of("20", "EUR"));
            assertThat(c.refunds().orElseThrow().status(partial.refund()).details()).containsEntry("type", "partial");
        }
        wm.verify(postRequestedFor(urlEqualTo(base)).withRequestBody(equalToJson("{\"type\":\"total\","
                + "\"amountTransaction\":{\"clientCorrelator\":\"rk-1\",\"refundAmount\":{},"
                + "\"referenceCode\":\"ret-1\"}}")));
        wm.verify(postRequestedFor(urlEqualTo(base)).withRequestBody(equalToJson("{\"type\":\"partial\","
                + "\"reason\":\"Item not delivered\",\"amountTransaction\":{\"clientCorrelator\":\"rk-2\","
                + "\"refundAmount\":{\"chargingInformation\":{\"amount\":20,\"currency\":\"EUR\","
                + "\"description\":\"Item not delivered\"},\"chargingMetaData\":{\"merchantIdentifier\":"
                + "\"eas-12345\"}},\"referenceCode\":\"rk-2\"}}")));
        wm.verify(getRequestedFor(urlEqualTo(base + "/rf-1")).withHeader("x-correlator", equalTo("corr-3")));
    }

    /** A listing page of refunds whose correlators are given, with the total count the operator sends. */
    private static String refundPage(String... correlators) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < correlators.length; i++) {
            b.append(i == 0 ? "" : ",").append("{\"refundId\":\"rf-").append(correlators[i])
                    .append("\",\"refundStatus\":\"succeeded\",\"type\":\"total\",\"amountTransaction\":{")
                    .append("\"clientCorrelator\":\"").append(correlators[i])
                    .append("\",\"refundAmount\":{},\"referenceCode\":\"ret\"}}");
        }
        return b.append(']').toString();
    }

    @Test
    void aRefundIsFoundByItsClientCorrelatorInThePaymentsRefundsPageByPage() {
        stubToken();
        String base = REFUNDS + "/" + PAYMENT_ID + "/refunds";
        wm.stubFor(get(urlPathEqualTo(base)).withQueryParam("page", equalTo("1"))
                .willReturn(json(200, refundPage("a", "b")).withHeader("X-Total-Count", "102")));
        wm.stubFor(get(urlPathEqualTo(base)).withQueryParam("page", equalTo("2"))
                .willReturn(json(200, refundPage("rk-7", "c")).withHeader("X-Total-Count", "102")));
        try (CamaraClient c = client()) {
            RefundResult found = c.journalReferences().findRefund(ChargeRef.of(PAYMENT_ID), "rk-7").orElseThrow();
            assertThat(found.refund()).isEqualTo(RefundRef.of(ChargeRef.of(PAYMENT_ID), "rf-rk-7"));
            assertThat(found.state()).isEqualTo(RefundState.SUCCEEDED);
            assertThat(found.details()).containsEntry("clientCorrelator", "rk-7");

            assertThatThrownBy(() -> c.journalReferences().findRefund(ChargeRef.of(PAYMENT_ID), "rk-8"))
                    .isInstanceOf(NotFoundException.class);
        }
        wm.verify(getRequestedFor(urlPathEqualTo(base)).withQueryParam("page", equalTo("1"))
                .withQueryParam("perPage", equalTo("100")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(base)).withQueryParam("page", equalTo("2")));
        wm.verify(0, getRequestedFor(urlPathEqualTo(base)).withQueryParam("page", equalTo("3")));
    }

    @Test
    void aJournaledRefundWhoseAnswerWasLostIsResolvedThroughItsClientCorrelator() {
        stubToken();
        String base = REFUNDS + "/" + PAYMENT_ID + "/refunds";
        wm.stubFor(post(base).willReturn(aResponse().withFault(
                com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo(base)).willReturn(json(200, refundPage("other", "rk-9"))));
        ChargeJournal journal = ChargeJournal.inMemory();
        RefundRequest request = RefundRequest.builder(ChargeRef.of(PAYMENT_ID)).idempotencyKey("rk-9").build();
        try (CamaraClient c = builder().options(fastOptionsBuilder().clock(clock).chargeJournal(journal).build())
                .build()) {
            assertThatThrownBy(() -> c.refunds().orElseThrow().refund(request))
                    .isInstanceOf(DcbTransportException.class);
            int sent = wm.findAll(postRequestedFor(urlEqualTo(base))).size();
            wm.verify(postRequestedFor(urlEqualTo(base)).withRequestBody(
                    equalToJson("{\"amountTransaction\":{\"clientCorrelator\":\"rk-9\"}}", true, true)));
            assertThat(journal.find(CamaraClient.ID, "rk-9")).map(JournalEntry::state)
                    .contains(JournalState.UNKNOWN);

            assertThat(Reconciler.builder(journal).provider(c).clock(clock).build().runOnce()).singleElement()
                    .satisfies(r -> {
                        assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                        assertThat(r.refundStatus()).map(RefundResult::refund)
                                .contains(RefundRef.of(ChargeRef.of(PAYMENT_ID), "rf-rk-9"));
                    });
            assertThat(c.refunds().orElseThrow().refund(request).refund().id()).isEqualTo("rf-rk-9");
            assertThat(wm.findAll(postRequestedFor(urlEqualTo(base)))).hasSize(sent);
        }
    }
}
