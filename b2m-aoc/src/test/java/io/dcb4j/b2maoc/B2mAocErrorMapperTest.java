package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.b2maoc.model.AocErrorCode;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B2mAocErrorMapperTest extends WireMockSupport {

    static final Msisdn SUBSCRIBER = Msisdn.of("8801812345678");
    static final String CANCEL = "/api/cancelSubscription/SP1/8801812345678";

    static String envelope(boolean status, boolean errors, String message, String data) {
        return "{\"status\":" + status + ",\"errors\":" + errors + ",\"message\":\"" + message + "\",\"data\":" + data
                + "}";
    }

    @Test
    void theDocumentsMissingParametersAnswerListsTheFields() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(json203("get-token-missing-params.json")));

        assertThatThrownBy(() -> client.requestCharge("GAMES", SUBSCRIBER))
                .isInstanceOfSatisfying(B2mAocInvalidRequestException.class, e -> {
                    assertThat(e).isInstanceOf(InvalidRequestException.class);
                    assertThat(e.fields()).containsExactly(Map.entry("msisdn", "required"),
                            Map.entry("keyword", "required"));
                    assertThat(e.getMessage()).contains("missing or invalid parameters: msisdn, keyword");
                    assertThat(e.provider()).isEqualTo("b2m-aoc");
                    assertThat(e.operation()).isEqualTo("getToken");
                    assertThat(e.httpStatus()).hasValue(203);
                    assertThat(e.providerCode()).isEmpty();
                    assertThat(e.providerMessage()).hasValue("msisdn and keyword are required");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void laravelStyleFieldArraysAreListedToo() {
        wm.stubFor(get(CANCEL).willReturn(answer(203, envelope(false, true, "The given data was invalid.",
                "{\"msisdn\":[\"The msisdn field is required.\",\"The msisdn must be 13 digits.\"]}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(B2mAocInvalidRequestException.class, e -> assertThat(e.fields())
                        .containsExactly(Map.entry("msisdn",
                                "The msisdn field is required.; The msisdn must be 13 digits.")));
    }

    @Test
    void anAocCodeIn203IsTypedAndKeepsTheCodeWithoutTheFullMsisdn() {
        wm.stubFor(get(CANCEL).willReturn(json203("error-code.json")));

        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(InsufficientFundsException.class, e -> {
                    assertThat(e.providerCode()).hasValue("AOC1007");
                    assertThat(e.providerMessage()).hasValue("Charging / Refund Failed for 8801*******78");
                    assertThat(e.httpStatus()).hasValue(203);
                    assertThat(e.operation()).isEqualTo("cancelSubscription");
                    assertThat(e.getMessage()).contains("AOC1007").doesNotContain("8801812345678");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AOC0001, InvalidRequestException, false",
        "AOC0002, ConflictException, false",
        "AOC0003, NotFoundException, false",
        "AOC1001, ConflictException, false",
        "AOC1002, ConflictException, false",
        "AOC1003, InvalidPinException, false",
        "AOC1004, DcbApiException, false",
        "AOC1005, InvalidRequestException, false",
        "AOC1006, InsufficientFundsException, false",
        "AOC1007, InsufficientFundsException, false",
        "AOC1008, ConflictException, true",
        "AOC1009, ProviderUnavailableException, true",
        "AOC1010, RateLimitedException, true",
        "AOC1011, ConflictException, false",
        "AOC1012, InsufficientFundsException, false",
        "AOC1013, RateLimitedException, true",
        "AOC1014, InsufficientFundsException, false",
        "AOC1015, InsufficientFundsException, false",
        "AOC1016, InsufficientFundsException, false",
        "AOC1017, InsufficientFundsException, false",
        "AOC1018, NotFoundException, false",
        "AOC1019, ConflictException, false",
        "AOC1020, ConflictException, true",
        "AOC2001, ConflictException, false",
        "AOC2002, ConflictException, false",
        "AOC2003, NotFoundException, false",
        "AOC2004, RateLimitedException, true",
        "aoc1007, InsufficientFundsException, false",
        "AOC0099, InvalidRequestException, false",
        "AOC1099, DcbApiException, false",
        "AOC2999, DcbApiException, false",
        "E42, DcbApiException, false"
    })
    void everyAocCodeMapsToTheNearestTypedException(String code, String type, boolean retryable) {
        wm.stubFor(get(CANCEL).willReturn(answer(203, envelope(false, true, "failed",
                "{\"errorCode\":\"" + code + "\",\"errorMessage\":\"text of " + code + "\"}"))));

        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(DcbException.class, e -> {
                    assertThat(e.getClass().getSimpleName()).isEqualTo(type);
                    assertThat(e.providerCode()).hasValue(code);
                    assertThat(e.providerMessage()).hasValue("text of " + code);
                    assertThat(e.isRetryable()).isEqualTo(retryable);
                    assertThat(e.httpStatus()).hasValue(203);
                });
        wm.verify(1, getRequestedFor(urlEqualTo(CANCEL)));
    }

    @Test
    void everyDocumentedCodeHasAnEntry() {
        assertThat(Arrays.stream(AocErrorCode.values()).map(AocErrorCode::code))
                .contains("AOC0001", "AOC0002", "AOC0003", "AOC1001", "AOC1010", "AOC1020", "AOC2001")
                .doesNotHaveDuplicates();
        assertThat(AocErrorCode.of(" aoc1016 ")).hasValue(AocErrorCode.DAILY_LIMIT);
        assertThat(AocErrorCode.of("00")).isEmpty();
    }

    @Test
    void anHttp200WithAnErrorCodeIsNeverASuccess() {
        wm.stubFor(get(CANCEL).willReturn(answer(200, envelope(true, false, "ok",
                "{\"errorCode\":\"AOC1002\",\"errorMessage\":\"still active\"}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.providerCode()).hasValue("AOC1002");
                    assertThat(e.httpStatus()).hasValue(200);
                });
    }

    @Test
    void statusFalseOrErrorsTrueAloneIsAFailure() {
        wm.stubFor(get(CANCEL).willReturn(answer(203, envelope(false, false, "Something went wrong", "null"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(DcbApiException.class, e -> {
                    assertThat(e.getClass()).isEqualTo(DcbApiException.class);
                    assertThat(e.providerMessage()).hasValue("Something went wrong");
                });

        wm.stubFor(get(CANCEL).willReturn(answer(200, envelope(true, true, "Errors", "[]"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isExactlyInstanceOf(DcbApiException.class);

        wm.stubFor(get(CANCEL).willReturn(answer(200,
                "{\"status\":\"false\",\"errors\":\"true\",\"message\":\"no\",\"data\":{}}")));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isExactlyInstanceOf(DcbApiException.class);
    }

    @Test
    void chargeStatusOfAnUnknownTransactionIsNotFound() {
        wm.stubFor(get("/api/chargeStatus/NOPE").willReturn(answer(203, envelope(false, true, "Invalid AOC Token",
                "{\"errorCode\":\"AOC0003\",\"errorMessage\":\"Invalid AOC Token\"}"))));
        assertThatThrownBy(() -> client.charges().orElseThrow().status(ChargeRef.of("NOPE")))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.providerCode()).hasValue("AOC0003");
                    assertThat(e.operation()).isEqualTo("chargeStatus");
                });
    }

    @Test
    void renewalErrorsAreTyped() {
        String path = "/api/renewSubscription/SP1/8801812345678";
        wm.stubFor(get(path).willReturn(answer(203, envelope(false, true, "Renewal failed",
                "{\"errorCode\":\"AOC2001\",\"errorMessage\":\"Service Provider invoke subscription renewal before expiry date.\"}"))));
        assertThatThrownBy(() -> client.renewals().orElseThrow().renew(SubscriptionRef.of("SP1", SUBSCRIBER)))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.providerCode()).hasValue("AOC2001");
                    assertThat(e.isRetryable()).isFalse();
                });
        wm.stubFor(get(path).willReturn(answer(203, envelope(false, true, "Renewal failed",
                "{\"errorCode\":\"AOC2003\",\"errorMessage\":\"no subscriber\"}"))));
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), SUBSCRIBER)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void non2xxAnswersUseTheEnvelopeWhenThereIsOne() {
        wm.stubFor(get(CANCEL).willReturn(answer(404, envelope(false, true, "Not found",
                "{\"errorCode\":\"AOC2003\",\"errorMessage\":\"no subscriber\"}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.httpStatus()).hasValue(404);
                    assertThat(e.providerCode()).hasValue("AOC2003");
                });

        wm.stubFor(get(CANCEL).willReturn(answer(422, envelope(false, true, "invalid", "{\"keyword\":\"required\"}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(B2mAocInvalidRequestException.class);

        wm.stubFor(get(CANCEL).willReturn(answer(500, envelope(false, true, "Server Error", "{}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        e -> assertThat(e.providerMessage()).hasValue("Server Error"));
    }

    @Test
    void non2xxAnswersWithoutAnEnvelopeMapByStatus() {
        wm.stubFor(get("/api/chargeStatus/X").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));
        assertThatThrownBy(() -> client.chargeStatus(aoc("X")))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        e -> assertThat(e.httpStatus()).hasValue(502));
        wm.verify(3, getRequestedFor(urlEqualTo("/api/chargeStatus/X")));

        wm.stubFor(get("/api/chargeStatus/Y").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));
        assertThatThrownBy(() -> client.chargeStatus(aoc("Y"))).isInstanceOfSatisfying(RateLimitedException.class,
                e -> assertThat(e.retryAfter()).hasValue(java.time.Duration.ofSeconds(120)));

        wm.stubFor(get("/api/chargeStatus/Z").willReturn(aResponse().withStatus(401)));
        assertThatThrownBy(() -> client.chargeStatus(aoc("Z")))
                .isInstanceOf(io.dcb4j.core.error.AuthenticationException.class);
    }

    @Test
    void unreadableOrUnexpectedAnswersAreProtocolErrors() {
        wm.stubFor(get("/api/chargeStatus/A").willReturn(aResponse().withStatus(200).withBody("<html>ok</html>")));
        assertThatThrownBy(() -> client.chargeStatus(aoc("A"))).isInstanceOf(DcbProtocolException.class);

        wm.stubFor(get("/api/chargeStatus/B").willReturn(answer(200, "{\"foo\":1}")));
        assertThatThrownBy(() -> client.chargeStatus(aoc("B"))).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("envelope");

        wm.stubFor(get("/api/chargeStatus/C").willReturn(answer(200, envelope(true, false, "ok", "{\"errorCode\":\"00\"}"))));
        assertThatThrownBy(() -> client.chargeStatus(aoc("C"))).isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining("transactionOperationStatus");

        wm.stubFor(get("/api/chargeStatus/D").willReturn(answer(200, envelope(true, false, "ok",
                "{\"transactionOperationStatus\":\"Charged\",\"totalAmountCharged\":\"ten\"}"))));
        assertThatThrownBy(() -> client.chargeStatus(aoc("D"))).isInstanceOf(DcbProtocolException.class);

        wm.stubFor(get("/api/renewSubscription/SP1/8801812345678").willReturn(answer(200,
                envelope(true, false, "Done", "{}"))));
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(DcbProtocolException.class);

        wm.stubFor(get("/api/getToken/G/8801812345678").willReturn(aResponse().withStatus(200)));
        assertThatThrownBy(() -> client.requestCharge("G", SUBSCRIBER)).isInstanceOf(DcbProtocolException.class);
    }

    @Test
    void invalidPinAndOtherTypesAreDcbApiExceptions() {
        wm.stubFor(get(CANCEL).willReturn(answer(203, envelope(false, true, "x", "{\"errorCode\":\"AOC1003\"}"))));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(InvalidPinException.class).isInstanceOf(DcbApiException.class);
    }
}
