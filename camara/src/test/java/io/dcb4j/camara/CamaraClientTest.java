package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.model.CancellationResult;
import io.dcb4j.camara.model.ChargingMetaData;
import io.dcb4j.camara.model.ConfirmationResult;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentItem;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundItem;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.camara.model.RefundStatus;
import io.dcb4j.camara.model.RefundType;
import io.dcb4j.camara.model.RemainingAmount;
import io.dcb4j.camara.model.SinkCredential;
import io.dcb4j.camara.model.SortOrder;
import io.dcb4j.camara.model.ValidationAction;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every operation of both OpenAPI files: the request on the wire and every parsed field. */
class CamaraClientTest extends CamaraTestSupport {

    static PaymentRequest fullRequest() {
        return PaymentRequest.builder(Money.of("100", "EUR"), "FIFA EA Sports 24", "ref-pay-834tfr2rA3v8r8vr3rv")
                .phoneNumber(PHONE)
                .clientCorrelator("req-12f2pgh448gh2hvrfrv")
                .taxIncluded(true)
                .taxAmount(new BigDecimal("21"))
                .metaData(new ChargingMetaData("EA Sports", "eas-12345", new BigDecimal("10"), "games", "web",
                        "games-online", "138235321"))
                .item(new PaymentItem("3goug3uvu32v3b", Money.of("100", "EUR"), "FIFA EA Sports 24", true,
                        new BigDecimal("21")))
                .sink("https://endpoint.example.com/sink",
                        new SinkCredential(SINK_TOKEN, Instant.parse("2030-01-01T00:00:00Z")))
                .build();
    }

    @Test
    void createPaymentSendsEveryFieldAndReadsEveryFieldOfTheAnswer() {
        stubToken();
        wm.stubFor(post(PAYMENTS).willReturn(json(201, resource("payment-created.json"))
                .withHeader("x-correlator", "corr-1")));
        Payment p;
        try (CamaraClient c = client()) {
            p = c.createPayment(fullRequest());
        }
        wm.verify(1, postRequestedFor(urlEqualTo(PAYMENTS))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("x-correlator", equalTo("corr-1"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(resource("create-request.json"))));
        assertThat(p.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(p.rawStatus()).isEqualTo("succeeded");
        assertThat(p.phoneNumber()).isEqualTo(PHONE);
        assertThat(p.clientCorrelator()).isEqualTo("req-12f2pgh448gh2hvrfrv");
        assertThat(p.amount()).isEqualTo(Money.of("100", "EUR"));
        assertThat(p.description()).isEqualTo("FIFA EA Sports 24");
        assertThat(p.taxIncluded()).isTrue();
        assertThat(p.taxAmount()).isEqualByComparingTo("21");
        assertThat(p.metaData()).isEqualTo(new ChargingMetaData("EA Sports", "eas-12345", new BigDecimal("10"),
                "games", "web", "games-online", "138235321"));
        assertThat(p.paymentDetails()).containsExactly(new PaymentItem("3goug3uvu32v3b", Money.of("100", "EUR"),
                "FIFA EA Sports 24", true, new BigDecimal("21")));
        assertThat(p.referenceCode()).isEqualTo("ref-pay-834tfr2rA3v8r8vr3rv");
        assertThat(p.resourceUrl()).isEqualTo("urn:payments:AK234rfweSBuWGFUEWFGWEVWRV");
        assertThat(p.serverReferenceCode()).isEqualTo("ref-pay-834tfr2rA3v8r8vr3rv-serv");
        assertThat(p.createdAt()).isEqualTo(Instant.parse("2023-11-03T12:27:08.312Z"));
        assertThat(p.paidAt()).isEqualTo(Instant.parse("2023-11-03T12:27:10Z"));
        assertThat(p.sink()).isEqualTo("https://endpoint.example.com/sink");
        assertThat(p.validation()).isEmpty();
        assertThat(p.toString()).doesNotContain("671999000");
    }

    @Test
    void aCreateWithoutCorrelatorGetsAGeneratedOneAndTheClientsSinkWithTheNotificationSecret() {
        stubToken();
        wm.stubFor(post(PAYMENTS).willReturn(json(201, resource("payment-created.json"))));
        try (CamaraClient c = builder().sink("https://shop.example/camara").notificationSecret(SINK_TOKEN).build()) {
            c.createPayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD", "order-1").phoneNumber(PHONE)
                    .build());
        }
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS)).withRequestBody(equalToJson("{\"amountTransaction\":{"
                + "\"phoneNumber\":\"+34671999000\",\"clientCorrelator\":\"cc-1\",\"paymentAmount\":{"
                + "\"chargingInformation\":{\"amount\":2.99,\"currency\":\"EUR\",\"description\":\"VOD\"}},"
                + "\"referenceCode\":\"order-1\"},\"sink\":\"https://shop.example/camara\",\"sinkCredential\":{"
                + "\"credentialType\":\"ACCESSTOKEN\",\"accessToken\":\"" + SINK_TOKEN + "\","
                + "\"accessTokenExpiresUtc\":\"2023-12-03T12:00:00Z\",\"accessTokenType\":\"bearer\"}}")));
    }

    @Test
    void preparePaymentReadsTheValidationInfoOfBothActions() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-validate.json"))));
        try (CamaraClient c = client()) {
            Payment p = c.preparePayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD rental",
                    "vod081220225698").phoneNumber(PHONE).clientCorrelator("req-12f2pgh448gh2hvrfrv").build());
            assertThat(p.status()).isEqualTo(PaymentStatus.PENDING_VALIDATION);
            assertThat(p.createdAt()).isEqualTo(Instant.parse("2023-11-03T11:27:08Z"));
            assertThat(p.validation()).hasValueSatisfying(v -> {
                assertThat(v.action()).isEqualTo(ValidationAction.VALIDATE);
                assertThat(v.authorization()).hasValue("Fn34o8g239v3wrb3t");
                assertThat(v.url()).isEmpty();
            });
            wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-open.json"))));
            Payment open = c.preparePayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD rental",
                    "vod081220225698").phoneNumber(PHONE).build());
            assertThat(open.validation()).hasValueSatisfying(v -> {
                assertThat(v.action()).isEqualTo(ValidationAction.OPEN);
                assertThat(v.url()).hasValue("https://my-payment-service.com/validate/358y24t2g4f2397g45");
            });
            wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-reserved.json"))));
            assertThat(c.preparePayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD rental", "v-1")
                    .phoneNumber(PHONE).build()).status()).isEqualTo(PaymentStatus.RESERVED);
        }
        wm.verify(3, postRequestedFor(urlEqualTo(PAYMENTS + "/prepare"))
                .withHeader("x-correlator", matching("corr-[0-9]+")));
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/prepare")).withRequestBody(equalToJson(
                "{\"amountTransaction\":{\"phoneNumber\":\"+34671999000\",\"clientCorrelator\":\"req-12f2pgh448gh2hvrfrv\","
                + "\"paymentAmount\":{\"chargingInformation\":{\"amount\":2.99,\"currency\":\"EUR\","
                + "\"description\":\"VOD rental\"}},\"referenceCode\":\"vod081220225698\"}}")));
    }

    @Test
    void validateSendsTheAuthorizationIdAndTheCode() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/" + PAYMENT_ID + "/validate").willReturn(aResponse().withStatus(204)));
        try (CamaraClient c = client()) {
            c.validatePayment(PAYMENT_ID, "Fn34o8g239v3wrb3t", "352673");
        }
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID + "/validate"))
                .withHeader("x-correlator", equalTo("corr-1"))
                .withRequestBody(equalToJson("{\"authorizationId\":\"Fn34o8g239v3wrb3t\",\"code\":\"352673\"}")));
    }

    @Test
    void confirmAndCancelSendThePhoneNumberWithATwoLeggedToken() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/" + PAYMENT_ID + "/confirm").willReturn(aResponse().withStatus(202)));
        wm.stubFor(post(PAYMENTS + "/p-2/cancel").willReturn(aResponse().withStatus(202)));
        try (CamaraClient c = client()) {
            assertThat(c.confirmPayment(PAYMENT_ID, PHONE)).isEqualTo(new ConfirmationResult(PAYMENT_ID));
            assertThat(c.cancelPayment("p-2", PHONE)).isEqualTo(new CancellationResult("p-2"));
            assertThatThrownBy(() -> c.confirmPayment(PAYMENT_ID)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("MISSING_IDENTIFIER");
        }
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID + "/confirm"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"+34671999000\"}")));
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/p-2/cancel"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"+34671999000\"}")));
    }

    @Test
    void retrievePaymentReadsThePayment() {
        stubToken();
        wm.stubFor(get(PAYMENTS + "/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        try (CamaraClient c = client()) {
            Payment p = c.payment(PAYMENT_ID);
            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(p.amount()).isEqualTo(Money.of("100", "EUR"));
        }
        wm.verify(getRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID)).withHeader("x-correlator", equalTo("corr-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void retrievePaymentsSendsEveryFilterAndReadsThePageHeaders() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json(200, resource("payments.json"))
                .withHeader("X-Total-Count", "7").withHeader("Content-Last-Key", "2")));
        Page<Payment> page;
        try (CamaraClient c = client()) {
            page = c.payments(PaymentQuery.builder().page(1, 2).createdFrom(Instant.parse("2024-02-01T00:00:00Z"))
                    .createdTo(Instant.parse("2024-03-31T23:59:59Z")).order(SortOrder.DESC)
                    .status(PaymentStatus.RESERVED).status(PaymentStatus.SUCCEEDED).merchantIdentifier("eas-12345")
                    .build());
        }
        wm.verify(getRequestedFor(urlEqualTo(PAYMENTS + "?page=1&perPage=2"
                + "&paymentCreationDate.gte=2024-02-01T00%3A00%3A00Z&paymentCreationDate.lte=2024-03-31T23%3A59%3A59Z"
                + "&order=desc&paymentStatus=reserved&paymentStatus=succeeded&merchantIdentifier=eas-12345")));
        assertThat(page.items()).extracting(Payment::paymentId).containsExactly("p-2", "p-1");
        assertThat(page.items().get(0).metaData().merchantIdentifier()).isEqualTo("eas-12345");
        assertThat(page.items().get(1).paidAt()).isEqualTo(Instant.parse("2024-03-01T10:00:02Z"));
        assertThat(page.total()).hasValue(7);
        assertThat(page.lastKey()).isEqualTo(2);
        assertThat(page.hasMore()).isTrue();
    }

    @Test
    void anEmptyListingIsAnEmptyPageWithoutHeaders() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json(200, "[]")));
        try (CamaraClient c = client()) {
            Page<Payment> page = c.payments(PaymentQuery.all());
            assertThat(page.items()).isEmpty();
            assertThat(page.total()).isEmpty();
            assertThat(page.hasMore()).isFalse();
            assertThat(page.page()).isEqualTo(1);
            assertThat(page.perPage()).isEqualTo(10);
        }
        wm.verify(getRequestedFor(urlEqualTo(PAYMENTS)));
    }

    @Test
    void aListingThatIsNotAnArrayOrHasABadCountIsAProtocolError() {
        stubToken();
        wm.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json(200, "{\"payments\":[]}")));
        try (CamaraClient c = client()) {
            assertThatThrownBy(() -> c.payments(PaymentQuery.all())).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("not a JSON array");
            wm.stubFor(get(urlPathEqualTo(PAYMENTS)).willReturn(json(200, "[]").withHeader("X-Total-Count", "-1")));
            assertThatThrownBy(() -> c.payments(PaymentQuery.all())).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("X-Total-Count");
        }
    }

    @Test
    void createRefundSendsAPartialRefundAndReadsIt() {
        stubToken();
        wm.stubFor(post(REFUNDS + "/" + PAYMENT_ID + "/refunds").willReturn(json(201, resource("refund-partial.json"))));
        Refund r;
        try (CamaraClient c = client()) {
            r = c.createRefund(PAYMENT_ID, RefundRequest.partial(Money.of("20", "EUR"), "Partial refund",
                    "ref-refund-834tfr2rA3v8r8vr3rv").clientCorrelator("ref-corr-1").taxIncluded(true)
                    .taxAmount(new BigDecimal("3.47")).merchantIdentifier("eas-12345")
                    .item(new RefundItem("3goug3uvu32v3b", Money.of("20", "EUR"), "FIFA EA Sports 24", null, null))
                    .reason("Item not delivered").build());
        }
        wm.verify(postRequestedFor(urlEqualTo(REFUNDS + "/" + PAYMENT_ID + "/refunds"))
                .withHeader("x-correlator", equalTo("corr-1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withRequestBody(equalToJson(resource("refund-request-partial.json"))));
        assertThat(r.refundId()).isEqualTo("rf-1");
        assertThat(r.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(r.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(r.type()).isEqualTo(RefundType.PARTIAL);
        assertThat(r.clientCorrelator()).isEqualTo("ref-corr-1");
        assertThat(r.referenceCode()).isEqualTo("ref-refund-834tfr2rA3v8r8vr3rv");
        assertThat(r.amount()).isEqualTo(Money.of("20", "EUR"));
        assertThat(r.description()).isEqualTo("Partial refund");
        assertThat(r.taxIncluded()).isTrue();
        assertThat(r.taxAmount()).isEqualByComparingTo("3.47");
        assertThat(r.merchantIdentifier()).isEqualTo("eas-12345");
        assertThat(r.refundDetails()).containsExactly(new RefundItem("3goug3uvu32v3b", Money.of("20", "EUR"),
                "FIFA EA Sports 24", null, null));
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2023-11-04T09:00:00Z"));
        assertThat(r.refundedAt()).isEqualTo(Instant.parse("2023-11-04T09:00:01Z"));
        assertThat(r.reason()).isEqualTo("Item not delivered");
    }

    @Test
    void aTotalRefundSendsAnEmptyRefundAmount() {
        stubToken();
        wm.stubFor(post(REFUNDS + "/" + PAYMENT_ID + "/refunds").willReturn(json(201, resource("refund-total.json"))));
        Refund r;
        try (CamaraClient c = client()) {
            r = c.createRefund(PAYMENT_ID, RefundRequest.total("ref-total-1").clientCorrelator("ref-corr-2").build());
        }
        wm.verify(postRequestedFor(urlEqualTo(REFUNDS + "/" + PAYMENT_ID + "/refunds")).withRequestBody(equalToJson(
                "{\"type\":\"total\",\"amountTransaction\":{\"clientCorrelator\":\"ref-corr-2\",\"refundAmount\":{},"
                        + "\"referenceCode\":\"ref-total-1\"}}")));
        assertThat(r.type()).isEqualTo(RefundType.TOTAL);
        assertThat(r.status()).isEqualTo(RefundStatus.PROCESSING);
        assertThat(r.amount()).isNull();
        assertThat(r.refundedAt()).isNull();
    }

    @Test
    void retrieveRefundAndTheRefundListingAndTheRemainingAmount() {
        stubToken();
        String base = REFUNDS + "/" + PAYMENT_ID + "/refunds";
        wm.stubFor(get(base + "/rf-1").willReturn(json(200, resource("refund-partial.json"))));
        wm.stubFor(get(urlPathEqualTo(base)).willReturn(json(200, "[" + resource("refund-partial.json") + ","
                + resource("refund-total.json") + "]").withHeader("X-Total-Count", "2")));
        wm.stubFor(get(base + "/remaining-amount").willReturn(json(200, resource("remaining-amount.json"))));
        try (CamaraClient c = client()) {
            assertThat(c.refund(PAYMENT_ID, "rf-1").amount()).isEqualTo(Money.of("20", "EUR"));
            Page<Refund> page = c.refunds(PAYMENT_ID, RefundQuery.builder().page(1, 5).order(SortOrder.ASC)
                    .status(RefundStatus.SUCCEEDED).status(RefundStatus.PROCESSING)
                    .createdFrom(Instant.parse("2023-11-01T00:00:00Z")).merchantIdentifier("eas-12345").build());
            assertThat(page.items()).extracting(Refund::refundId).containsExactly("rf-1", "rf-2");
            assertThat(page.hasMore()).isFalse();
            RemainingAmount remaining = c.remainingAmount(PAYMENT_ID);
            assertThat(remaining.amount()).isEqualTo(Money.of("45", "EUR"));
            assertThat(remaining.description()).isEqualTo("Current Amount not refunded so far");
            assertThat(remaining.taxIncluded()).isTrue();
            assertThat(remaining.taxAmount()).isEqualByComparingTo("7.81");
            assertThat(remaining.isFullyRefunded()).isFalse();
        }
        wm.verify(getRequestedFor(urlEqualTo(base + "?page=1&perPage=5"
                + "&refundCreationDate.gte=2023-11-01T00%3A00%3A00Z&order=asc&refundStatus=succeeded"
                + "&refundStatus=processing&merchantIdentifier=eas-12345")));
        wm.verify(getRequestedFor(urlEqualTo(base + "/remaining-amount")).withHeader("x-correlator", matching("corr-[0-9]+")));
    }

    @Test
    void anAnswerWithoutOffsetOrIdOrAmountIsAProtocolError() {
        stubToken();
        try (CamaraClient c = client()) {
            wm.stubFor(get(PAYMENTS + "/x").willReturn(json(200, resource("payment-created.json")
                    .replace("2023-11-03T12:27:08.312Z", "2023-11-03T12:27:08"))));
            assertThatThrownBy(() -> c.payment("x")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("paymentCreationDate");
            wm.stubFor(get(PAYMENTS + "/y").willReturn(json(200, "{\"paymentStatus\":\"succeeded\"}")));
            assertThatThrownBy(() -> c.payment("y")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("paymentId");
            wm.stubFor(get(PAYMENTS + "/z").willReturn(json(200, "{\"paymentId\":\"z\",\"paymentStatus\":\"done\"}")));
            assertThatThrownBy(() -> c.payment("z")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("chargingInformation");
        }
    }

    @Test
    void anUnknownStatusIsKeptRawAndIdsThatAreNotPathSegmentsAreRefused() {
        stubToken();
        wm.stubFor(get(PAYMENTS + "/p-9").willReturn(json(200, resource("payment-created.json")
                .replace("\"succeeded\"", "\"settled\""))));
        try (CamaraClient c = client()) {
            Payment p = c.payment("p-9");
            assertThat(p.status()).isEqualTo(PaymentStatus.UNKNOWN);
            assertThat(p.rawStatus()).isEqualTo("settled");
            assertThatThrownBy(() -> c.payment("../admin")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("paymentId");
            assertThatThrownBy(() -> c.refund(PAYMENT_ID, "a/b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refundId");
        }
    }

    @Test
    void requestsAreCheckedBeforeTheyAreSent() {
        assertThatThrownBy(() -> PaymentRequest.builder(Money.of("0", "EUR"), "x", "r").build())
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> PaymentRequest.builder(Money.of("1", "EUR"), " ", "r").build())
                .hasMessageContaining("description");
        assertThatThrownBy(() -> PaymentRequest.builder(Money.of("1", "EUR"), "x", null).build())
                .hasMessageContaining("referenceCode");
        assertThatThrownBy(() -> PaymentRequest.builder(Money.of("1", "EUR"), "x", "r")
                .sink("http://plain.example/sink", null).build()).hasMessageContaining("https");
        assertThatThrownBy(() -> RefundRequest.partial(Money.of("-1", "EUR"), "x", "r").build())
                .hasMessageContaining("amount");
        assertThatThrownBy(() -> new RefundRequest(RefundType.TOTAL, "r", null, Money.of("1", "EUR"), null, null,
                null, null, null, null, null, null)).hasMessageContaining("total refund");
        assertThatThrownBy(() -> PaymentQuery.builder().createdFrom(Instant.parse("2024-02-01T00:00:00Z"))
                .createdTo(Instant.parse("2024-01-01T00:00:00Z")).build()).hasMessageContaining("range");
        assertThatThrownBy(() -> PaymentQuery.builder().page(0, 5).build()).hasMessageContaining("page");
        assertThat(new SinkCredential(SINK_TOKEN, Instant.EPOCH).toString()).doesNotContain(SINK_TOKEN);
    }
}
