package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.Money;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every error code of both OpenAPI files and of their test definitions, on the operation that documents it:
 * the exception type, the code, the message and the correlator it keeps.
 */
class CamaraErrorsTest extends CamaraTestSupport {

    static final String P = PAYMENTS + "/" + PAYMENT_ID;
    static final String R = REFUNDS + "/" + PAYMENT_ID + "/refunds";

    enum Op {
        CREATE("POST", PAYMENTS, c -> c.createPayment(request())),
        PREPARE("POST", PAYMENTS + "/prepare", c -> c.preparePayment(request())),
        VALIDATE("POST", P + "/validate", c -> c.validatePayment(PAYMENT_ID, "Fn34o8g239v3wrb3t", "352673")),
        CONFIRM("POST", P + "/confirm", c -> c.confirmPayment(PAYMENT_ID, PHONE)),
        CANCEL("POST", P + "/cancel", c -> c.cancelPayment(PAYMENT_ID, PHONE)),
        RETRIEVE("GET", P, c -> c.payment(PAYMENT_ID)),
        LIST("GET", PAYMENTS, c -> c.payments(PaymentQuery.all())),
        CREATE_REFUND("POST", R, c -> c.createRefund(PAYMENT_ID, RefundRequest.total("rf-ref").build())),
        RETRIEVE_REFUND("GET", R + "/rf-1", c -> c.refund(PAYMENT_ID, "rf-1")),
        LIST_REFUNDS("GET", R, c -> c.refunds(PAYMENT_ID, RefundQuery.all())),
        REMAINING("GET", R + "/remaining-amount", c -> c.remainingAmount(PAYMENT_ID));

        final String method;
        final String path;
        final Consumer<CamaraClient> call;

        Op(String method, String path, Consumer<CamaraClient> call) {
            this.method = method;
            this.path = path;
            this.call = call;
        }
    }

    static PaymentRequest request() {
        return PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD", "order-1").phoneNumber(PHONE).build();
    }

    static Arguments a(Op op, int status, String code, String message, Class<? extends DcbException> type,
            String summary) {
        return Arguments.of(op, status, code, message, type, summary);
    }

    static Stream<Arguments> documentedErrors() {
        String invalid = "Client specified an invalid argument, request body or query param.";
        String unauth = "Request not authenticated due to missing, invalid, or expired credentials.";
        String perm = "Client does not have sufficient permissions to perform this action.";
        String notFound = "The specified resource is not found.";
        String exists = "The resource that a client tried to create already exists.";
        String rate = "Rate limit reached.";
        Stream.Builder<Arguments> s = Stream.builder();
        for (Op op : Op.values()) {
            s.add(a(op, 400, "INVALID_ARGUMENT", invalid, InvalidRequestException.class, "HTTP 400"));
            s.add(a(op, 401, "UNAUTHENTICATED", unauth, AuthenticationException.class, "refused"));
            s.add(a(op, 403, "PERMISSION_DENIED", perm, AuthenticationException.class, "scope"));
            s.add(a(op, 429, "TOO_MANY_REQUESTS", rate, RateLimitedException.class, "rate limited"));
            if (op != Op.LIST) {
                s.add(a(op, 404, "NOT_FOUND", notFound, NotFoundException.class, "not found"));
            }
        }
        for (Op op : new Op[] {Op.CREATE, Op.PREPARE}) {
            s.add(a(op, 400, "INVALID_ARGUMENT", "Currency is unknown or not authorized.",
                    InvalidRequestException.class, "HTTP 400"));
            s.add(a(op, 400, "INVALID_ARGUMENT", "clientCorrelator already exist on server.", ConflictException.class,
                    "clientCorrelator was already used"));
            s.add(a(op, 400, "INVALID_CREDENTIAL", "Only Access token is supported", InvalidRequestException.class,
                    "ACCESSTOKEN only"));
            s.add(a(op, 400, "INVALID_TOKEN", "Only bearer token is supported", InvalidRequestException.class,
                    "must be bearer"));
            s.add(a(op, 400, "INVALID_SINK", "sink not valid for the specified protocol",
                    InvalidRequestException.class, "sink"));
            s.add(a(op, 403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied by business.", DcbApiException.class,
                    "business rules"));
            s.add(a(op, 403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied: insufficient balance.",
                    InsufficientFundsException.class, "insufficient balance"));
            s.add(a(op, 404, "IDENTIFIER_NOT_FOUND", "phoneNumber not found.", NotFoundException.class,
                    "does not know this phone number"));
            s.add(a(op, 409, "ALREADY_EXISTS", "Another session is created for the same UE", ConflictException.class,
                    "already exists"));
            s.add(a(op, 422, "SERVICE_NOT_APPLICABLE", "The service is not available for the provided identifier.",
                    InvalidRequestException.class, "not available for this phone number"));
            s.add(a(op, 422, "MISSING_IDENTIFIER", "The phone number cannot be identified.",
                    InvalidRequestException.class, "send the phone number"));
            s.add(a(op, 422, "UNNECESSARY_IDENTIFIER", "The phone number is already identified by the access token.",
                    InvalidRequestException.class, "leave the phone number out"));
            s.add(a(op, 422, "CARRIER_BILLING.UNAUTHORIZED_AMOUNT", "Unauthorized amount requested.",
                    InvalidRequestException.class, "above what the operator"));
            s.add(a(op, 422, "CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED", "Unauthorized payment request. "
                    + "Accumulated user mobile payments overpass account amount threshold.",
                    InvalidRequestException.class, "threshold"));
            s.add(a(op, 422, "CARRIER_BILLING.AMOUNT_THRESHOLD_OVERPASSED", "threshold",
                    InvalidRequestException.class, "threshold"));
            s.add(a(op, 422, "CARRIER_BILLING.PHONE_NUMBER_REQUIRED", "phoneNumber required",
                    InvalidRequestException.class, "send the phone number"));
        }
        s.add(a(Op.PREPARE, 400, "INVALID_ARGUMENT", "Expected property is missing: paymentId.",
                InvalidRequestException.class, "HTTP 400"));
        s.add(a(Op.VALIDATE, 400, "CARRIER_BILLING.INVALID_AUTHORIZATION_ID", "Invalid authorizationId.",
                InvalidRequestException.class, "authorizationId"));
        s.add(a(Op.VALIDATE, 400, "CARRIER_BILLING.INVALID_CODE", "Invalid code.", InvalidPinException.class,
                "may try again"));
        s.add(a(Op.VALIDATE, 400, "CARRIER_BILLING.VALIDATION_FAILED",
                "the maximum number of attempts have been consumed for this validation.",
                PinAttemptsExceededException.class, "no validation attempt"));
        s.add(a(Op.VALIDATE, 409, "ALREADY_EXISTS", "Payment already validated", ConflictException.class,
                "already exists"));
        for (Op op : new Op[] {Op.CONFIRM, Op.CANCEL}) {
            s.add(a(op, 400, "INVALID_ARGUMENT", "Expected property is missing: paymentId.",
                    InvalidRequestException.class, "HTTP 400"));
            s.add(a(op, 404, "IDENTIFIER_NOT_FOUND", "phoneNumber not found.", NotFoundException.class,
                    "phone number"));
            s.add(a(op, 409, "ALREADY_EXISTS", exists, ConflictException.class, "already exists"));
            s.add(a(op, 409, "CARRIER_BILLING.PAYMENT_CONFIRMED", "Payment has been confirmed.",
                    ConflictException.class, "already confirmed"));
            s.add(a(op, 409, "CARRIER_BILLING.PAYMENT_CANCELLED", "Payment has been cancelled.",
                    ConflictException.class, "already cancelled"));
            s.add(a(op, 422, "SERVICE_NOT_APPLICABLE", "The service is not available for the provided identifier.",
                    InvalidRequestException.class, "not available"));
            s.add(a(op, 422, "MISSING_IDENTIFIER", "The phone number cannot be identified.",
                    InvalidRequestException.class, "send the phone number"));
            s.add(a(op, 422, "UNNECESSARY_IDENTIFIER", "The phone number is already identified by the access token.",
                    InvalidRequestException.class, "leave the phone number out"));
            s.add(a(op, 422, "CARRIER_BILLING.PHONE_NUMBER_REQUIRED", "phoneNumber required",
                    InvalidRequestException.class, "send the phone number"));
        }
        s.add(a(Op.CONFIRM, 403, "CARRIER_BILLING.PAYMENT_DENIED", "Payment denied by business.",
                DcbApiException.class, "business rules"));
        for (Op op : new Op[] {Op.LIST, Op.LIST_REFUNDS}) {
            String prefix = op == Op.LIST ? "CARRIER_BILLING." : "CARRIER_BILLING_REFUND.";
            s.add(a(op, 400, prefix + "INVALID_DATE_RANGE", "Client specified an invalid date range.",
                    InvalidRequestException.class, "date range"));
            s.add(a(op, 400, "OUT_OF_RANGE", "Client specified an invalid range.", InvalidRequestException.class,
                    "out of range"));
            s.add(a(op, 400, prefix + "TOO_MANY_MATCHING_RECORDS", "Too many matching records found.",
                    InvalidRequestException.class, "narrow the query"));
        }
        s.add(a(Op.CREATE_REFUND, 400, "INVALID_ARGUMENT", "clientCorrelator already exist on server.",
                ConflictException.class, "clientCorrelator"));
        s.add(a(Op.CREATE_REFUND, 400, "INVALID_SINK", "sink not valid for the specified protocol",
                InvalidRequestException.class, "sink"));
        s.add(a(Op.CREATE_REFUND, 400, "INVALID_CREDENTIAL", "Only Access token is supported",
                InvalidRequestException.class, "ACCESSTOKEN"));
        s.add(a(Op.CREATE_REFUND, 400, "INVALID_TOKEN", "Only bearer token is supported",
                InvalidRequestException.class, "must be bearer"));
        s.add(a(Op.CREATE_REFUND, 403, "CARRIER_BILLING_REFUND.REFUND_DENIED", "Refund denied by business.",
                DcbApiException.class, "refund denied"));
        s.add(a(Op.CREATE_REFUND, 403, "CARRIER_BILLING_REFUND.PAYMENT_NOT_ELIGIBLE_FOR_REFUND",
                "Payment not eligible for refund.", DcbApiException.class, "cannot be refunded"));
        s.add(a(Op.CREATE_REFUND, 409, "ALREADY_EXISTS", exists, ConflictException.class, "already exists"));
        s.add(a(Op.CREATE_REFUND, 422, "CARRIER_BILLING_REFUND.UNAUTHORIZED_AMOUNT", "Unauthorized amount requested.",
                InvalidRequestException.class, "above what"));
        s.add(a(Op.CREATE_REFUND, 422, "CARRIER_BILLING_REFUND.USER_AMOUNT_THRESHOLD_OVERPASSED",
                "Unauthorized refund request.", InvalidRequestException.class, "threshold"));
        s.add(a(Op.CREATE_REFUND, 422, "CARRIER_BILLING_REFUND.INVALID_PAYMENT_STATUS", "Payment is not yet completed.",
                InvalidRequestException.class, "status that can be refunded"));
        s.add(a(Op.CREATE_REFUND, 422, "CARRIER_BILLING_REFUND.TAXES_MANAGEMENT_MISMATCH",
                "Inconsistent isTaxIncluded value with regards to related payment.", InvalidRequestException.class,
                "isTaxIncluded"));
        s.add(a(Op.CREATE_REFUND, 422, "CARRIER_BILLING_REFUND.REFUND_DETAILS_MISMATCH",
                "Inconsistent refundDetails information with regards to related payment.",
                InvalidRequestException.class, "refund details"));
        for (Op op : Op.values()) {
            s.add(a(op, 410, "GONE", "Access to the target resource is no longer available.",
                    EndpointNotInUseException.class, "gone"));
        }
        return s.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @MethodSource("documentedErrors")
    void everyDocumentedErrorIsItsTypedExceptionWithCodeMessageAndCorrelator(Op op, int status, String code,
            String message, Class<? extends DcbException> type, String summary) {
        stubToken();
        wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.request(op.method, urlPathEqualTo(op.path))
                .willReturn(error(status, code, message).withHeader("Retry-After", "600")));
        try (CamaraClient c = builder().retryPolicy(io.dcb4j.core.RetryPolicy.builder().maxAttempts(1).build())
                .build()) {
            assertThatThrownBy(() -> op.call.accept(c)).isExactlyInstanceOf(type).satisfies(t -> {
                DcbException e = (DcbException) t;
                assertThat(e.provider()).isEqualTo("camara");
                assertThat(e.httpStatus()).hasValue(status);
                assertThat(e.providerCode()).hasValue(code);
                // kept as the core cleans provider text ("token <word>" reads as a credential and is masked)
                assertThat(e.providerMessage()).hasValue(
                        io.dcb4j.core.spi.support.Redaction.providerText(message, java.util.List.of()));
                assertThat(e.requestId()).hasValue("corr-err");
                assertThat(e.getMessage()).contains(summary);
                assertThat(e.isRetryable()).isEqualTo(status == 429);
            });
        }
    }

    @Test
    void aRateLimitKeepsItsRetryAfter() {
        stubToken();
        wm.stubFor(get(P).willReturn(error(429, "TOO_MANY_REQUESTS", "Rate limit reached.")
                .withHeader("Retry-After", "120")));
        try (CamaraClient c = builder().retryPolicy(io.dcb4j.core.RetryPolicy.builder().maxAttempts(1).build())
                .build()) {
            assertThatThrownBy(() -> c.payment(PAYMENT_ID)).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(120)));
        }
    }

    @Test
    void aServerErrorOnACreateIsRetriedWithTheSameCorrelatorAndTheSameBody() {
        stubToken();
        wm.stubFor(post(PAYMENTS).inScenario("retry").whenScenarioStateIs(
                com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post(PAYMENTS).inScenario("retry").whenScenarioStateIs("up")
                .willReturn(json(201, resource("payment-created.json"))));
        try (CamaraClient c = client()) {
            assertThat(c.createPayment(request()).paymentId()).isEqualTo(PAYMENT_ID);
        }
        java.util.List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
                wm.findAll(postRequestedFor(urlEqualTo(PAYMENTS)));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBodyAsString()).contains("\"clientCorrelator\":\"cc-1\"")
                .isEqualTo(sent.get(1).getBodyAsString());
    }

    @Test
    void aServerErrorOnAConfirmIsNotRetriedAndNamesThePayment() {
        stubToken();
        wm.stubFor(post(P + "/confirm").willReturn(aResponse().withStatus(503)));
        try (CamaraClient c = client()) {
            assertThatThrownBy(() -> c.confirmPayment(PAYMENT_ID, PHONE))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class,
                            e -> assertThat(e.reference()).hasValueSatisfying(r -> assertThat(r.id())
                                    .isEqualTo(PAYMENT_ID)));
        }
        wm.verify(1, postRequestedFor(urlEqualTo(P + "/confirm")));
    }

    @Test
    void aRefusedTokenRequestIsAnAuthenticationException() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(401,
                "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}")));
        try (CamaraClient c = client()) {
            assertThatThrownBy(() -> c.payment(PAYMENT_ID)).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> {
                        assertThat(e.operation()).isEqualTo("token");
                        assertThat(e.providerCode()).hasValue("invalid_client");
                        assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET);
                    });
        }
    }
}
