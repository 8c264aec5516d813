package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.Msisdn;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Refusals: Infomedia answers HTTP 200 with a status other than Success. Only the success codes are
 * documented; the rows below are the classification dcb4j applies (charge status codes, then words).
 */
class InfomediaErrorMapperTest extends InfomediaTestSupport {

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("01 - Invalid PIN", InvalidPinException.class, "01", false),
                Arguments.of("PIN code is incorrect", InvalidPinException.class, null, false),
                Arguments.of("The PIN has expired", InvalidPinException.class, null, false),
                Arguments.of("Wrong PIN, 2 attempts left", InvalidPinException.class, null, false),
                Arguments.of("Too many invalid PIN attempts", PinAttemptsExceededException.class, null, false),
                Arguments.of("Maximum PIN attempts exceeded", PinAttemptsExceededException.class, null, false),
                Arguments.of("24 - User is already subscribed", ConflictException.class, "24", false),
                Arguments.of("AA - Insufficient credit", InsufficientFundsException.class, "AA", false),
                Arguments.of("A5 - Subscriber barred", InsufficientFundsException.class, "A5", false),
                Arguments.of("A7 - Spend limit reached", InsufficientFundsException.class, "A7", false),
                Arguments.of("AD - Monthly limit", InsufficientFundsException.class, "AD", false),
                Arguments.of("Not enough balance", InsufficientFundsException.class, null, false),
                Arguments.of("A3 - Unknown MSISDN", InvalidRequestException.class, "A3", false),
                Arguments.of("74 - Billing failed", DcbApiException.class, "74", false),
                Arguments.of("05 - User is not subscribed", NotFoundException.class, "05", false),
                Arguments.of("Invalid username or password", AuthenticationException.class, null, false),
                Arguments.of("Invalid API key", AuthenticationException.class, null, false),
                Arguments.of("Rate limit exceeded", RateLimitedException.class, null, true),
                Arguments.of("Service temporarily unavailable", ProviderUnavailableException.class, null, true),
                Arguments.of("10 - Invalid MSISDN", InvalidRequestException.class, "10", false),
                Arguments.of("Missing parameter productId", InvalidRequestException.class, null, false),
                Arguments.of("99 - Something odd happened", DcbApiException.class, "99", false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusals")
    void aRefusalWithHttp200MapsByCodeAndText(String description, Class<? extends DcbException> type, String code,
            boolean retryable) {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                "{\"status\":\"Failure\",\"description\":\"" + description + "\",\"sid\":null}")));
        try (InfomediaClient client = client()) {
            DcbException e = catchThrowableOfType(DcbException.class,
                    () -> client.join(InfomediaClientTest.documentTypedRequest(), "4821"));
            assertThat(e).isExactlyInstanceOf(type);
            assertThat(e.provider()).isEqualTo("infomedia");
            assertThat(e.operation()).isEqualTo("join");
            assertThat(e.httpStatus()).hasValue(200);
            assertThat(e.providerMessage()).hasValue(description);
            assertThat(e.providerCode().orElse(null)).isEqualTo(code);
            assertThat(e.isRetryable()).isEqualTo(retryable);
            assertThat(e.getMessage()).contains(description).doesNotContain("4821").doesNotContain(MSISDN);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams")));
    }

    @Test
    void anAlreadySubscribedConflictIsNotRetryable() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(okJson(
                "{\"status\":\"Failure\",\"description\":\"User already subscribed\"}")));
        try (InfomediaClient client = client()) {
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> client.join(InfomediaClientTest.documentTypedRequest(), "4821"));
            assertThat(e.isRetryable()).isFalse();
        }
    }

    @Test
    void refusalsOfThePinRequestAndTheUnsubscribeAreMappedToo() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(
                "{\"status\":\"Error\",\"description\":\"10 - Invalid MSISDN\",\"pinId\":\"\"}")));
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(
                "{\"status\":\"Failure\",\"description\":\"05 - User is not subscribed\",\"sid\":\"\"}")));
        try (InfomediaClient client = client()) {
            InvalidRequestException pin = catchThrowableOfType(InvalidRequestException.class,
                    () -> client.generatePin(InfomediaClientTest.documentTypedRequest()));
            assertThat(pin.operation()).isEqualTo("generatePin");
            assertThat(pin.providerCode()).hasValue("10");
            NotFoundException un = catchThrowableOfType(NotFoundException.class,
                    () -> client.unsubscribe("8000000", Msisdn.of(MSISDN)));
            assertThat(un.operation()).isEqualTo("unsubscribe");
            assertThat(un.providerMessage()).hasValue("05 - User is not subscribed");
        }
    }

    @Test
    void aMissingStatusWithASuccessCodeIsSuccessButWithAnotherCodeIsARefusal() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(
                "{\"description\":\"00 - User has been unsubscribed\"}")));
        try (InfomediaClient client = client()) {
            assertThat(client.unsubscribe("1", Msisdn.of(MSISDN)).description().code()).isEqualTo("00");
        }
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(okJson(
                "{\"description\":\"05 - User is not subscribed\"}")));
        try (InfomediaClient client = client()) {
            catchThrowableOfType(NotFoundException.class, () -> client.unsubscribe("1", Msisdn.of(MSISDN)));
        }
    }

    static Stream<Arguments> httpErrors() {
        return Stream.of(
                Arguments.of(401, "{\"status\":\"Failure\",\"description\":\"Invalid API key\"}",
                        AuthenticationException.class, "Invalid API key", false),
                Arguments.of(403, "", AuthenticationException.class, null, false),
                Arguments.of(400, "{\"status\":\"Failure\",\"description\":\"Missing parameter mx\"}",
                        InvalidRequestException.class, "Missing parameter mx", false),
                Arguments.of(400, "{\"status\":\"Failure\",\"description\":\"01 - Invalid PIN\"}",
                        InvalidPinException.class, "01 - Invalid PIN", false),
                Arguments.of(409, "{\"status\":\"Failure\",\"description\":\"User already subscribed\"}",
                        ConflictException.class, "User already subscribed", false),
                Arguments.of(404, "<html>Not Found</html>", NotFoundException.class, null, false),
                Arguments.of(500, "<html>Internal Server Error</html>", ProviderUnavailableException.class, null, true),
                Arguments.of(503, "{\"status\":\"Failure\",\"description\":\"Service unavailable\"}",
                        ProviderUnavailableException.class, "Service unavailable", true),
                Arguments.of(418, "", DcbApiException.class, null, false));
    }

    @ParameterizedTest(name = "HTTP {0} -> {2}")
    @MethodSource("httpErrors")
    void httpErrorsMapByStatusAndBody(int status, String body, Class<? extends DcbException> type, String message,
            boolean retryable) {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(aResponse().withStatus(status).withBody(body)));
        try (InfomediaClient client = client()) {
            DcbException e = catchThrowableOfType(DcbException.class,
                    () -> client.join(InfomediaClientTest.documentTypedRequest(), "4821"));
            assertThat(e).isExactlyInstanceOf(type);
            assertThat(e.httpStatus()).hasValue(status);
            assertThat(e.providerMessage().orElse(null)).isEqualTo(message);
            assertThat(e.isRetryable()).isEqualTo(retryable);
        }
        // a join is a write: never repeated once sent, whatever the status
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/SubscriptionJoinWithParams")));
    }

    @Test
    void a429CarriesRetryAfter() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withBody("{\"status\":\"Failure\",\"description\":\"Too many requests\"}")));
        try (InfomediaClient client = client()) {
            RateLimitedException e = catchThrowableOfType(RateLimitedException.class,
                    () -> client.unsubscribe("1", Msisdn.of(MSISDN)));
            assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.providerMessage()).hasValue("Too many requests");
        }
    }
}
