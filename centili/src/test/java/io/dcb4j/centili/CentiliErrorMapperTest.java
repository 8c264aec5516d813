package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.EndpointNotInUseException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row of the document's error tables, per operation. */
class CentiliErrorMapperTest extends CentiliTestSupport {

    enum Op {
        START("startTransaction", "/transactions/init", c -> c.startTransaction(
                StartTransactionRequest.builder("svc").build())),
        PIN("submitPin", "/transactions/tx-1/pin", c -> c.submitPin("tx-1", "1234")),
        RELEASE("releaseTransaction", "/transactions/tx-1/release", c -> c.releaseTransaction("tx-1")),
        GET("getTransaction", "/transactions/tx-1", c -> c.transaction("tx-1"));

        final String operation;
        final String path;
        final Consumer<CentiliClient> call;

        Op(String operation, String path, Consumer<CentiliClient> call) {
            this.operation = operation;
            this.path = path;
            this.call = call;
        }
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(Op.START, 400, "Transaction can not be started - price missing", InvalidRequestException.class, false),
                Arguments.of(Op.START, 409, "Request with the same idempotency key is currently executing", ConflictException.class, true),
                Arguments.of(Op.START, 500, "Request can not be processed at current time", ProviderUnavailableException.class, true),
                Arguments.of(Op.START, 501, "API endpoint not in use", EndpointNotInUseException.class, false),
                Arguments.of(Op.RELEASE, 400, "Transaction can not be released", InvalidRequestException.class, false),
                Arguments.of(Op.RELEASE, 404, "Transaction not found", NotFoundException.class, false),
                Arguments.of(Op.RELEASE, 409, "Request with the same idempotency key is currently executing", ConflictException.class, true),
                Arguments.of(Op.RELEASE, 500, "Request can not be processed at current time", ProviderUnavailableException.class, true),
                Arguments.of(Op.RELEASE, 501, "API endpoint not in use", EndpointNotInUseException.class, false),
                Arguments.of(Op.PIN, 400, "Invalid PIN sent, request can be retried", InvalidPinException.class, false),
                Arguments.of(Op.PIN, 404, "Transaction not found", NotFoundException.class, false),
                Arguments.of(Op.PIN, 409, "Request with the same idempotency key is currently executing", ConflictException.class, true),
                Arguments.of(Op.PIN, 429, "Number of attempts over the max retry limit, request can not be retried.", PinAttemptsExceededException.class, false),
                Arguments.of(Op.PIN, 500, "Request can not be processed at current time", ProviderUnavailableException.class, true),
                Arguments.of(Op.PIN, 501, "API endpoint not in use", EndpointNotInUseException.class, false),
                Arguments.of(Op.GET, 400, "Request error", InvalidRequestException.class, false),
                Arguments.of(Op.GET, 404, "Transaction not found", NotFoundException.class, false),
                Arguments.of(Op.GET, 409, "Request with the same idempotency key is currently executing", ConflictException.class, true),
                Arguments.of(Op.GET, 500, "Request can not be processed at current time", ProviderUnavailableException.class, true),
                Arguments.of(Op.GET, 501, "API endpoint not in use", EndpointNotInUseException.class, false));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @MethodSource("rows")
    void eachDocumentedErrorMapsToItsExceptionWithCodeAndMessage(Op op, int status, String message,
            Class<? extends DcbApiException> type, boolean retryable) {
        stubPasswordGrant();
        String code = "E" + status;
        wm.stubFor(any(urlPathEqualTo(API + op.path)).willReturn(jsonText(status,
                "{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> op.call.accept(c)).isInstanceOfSatisfying(type, e -> {
                assertThat(e.provider()).isEqualTo("centili");
                assertThat(e.operation()).isEqualTo(op.operation);
                assertThat(e.httpStatus()).hasValue(status);
                assertThat(e.providerCode()).contains(code);
                assertThat(e.providerMessage()).contains(message);
                assertThat(e.isRetryable()).isEqualTo(retryable);
                assertThat(e.getMessage()).contains(message).doesNotContain(ACCESS_TOKEN);
            });
        }
        // the idempotency key makes every call retry-safe: only 5xx answers are repeated, with the same key
        int expectedAttempts = status == 500 ? 3 : 1;
        wm.verify(expectedAttempts, anyRequestedFor(urlPathEqualTo(API + op.path))
                .withHeader("Idempotency-Key", equalTo("key-1")));
    }

    @ParameterizedTest(name = "{0} 401")
    @MethodSource("ops")
    void a401AfterOneFreshLoginIsAnAuthenticationException(Op op) {
        stubPasswordGrant();
        wm.stubFor(any(urlPathEqualTo(API + op.path)).willReturn(jsonText(401,
                "{\"code\":\"UNAUTHORIZED\",\"message\":\"Invalid credentials\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> op.call.accept(c)).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e.httpStatus()).hasValue(401);
                assertThat(e.providerCode()).contains("UNAUTHORIZED");
                assertThat(e.providerMessage()).contains("Invalid credentials");
                assertThat(e.operation()).isEqualTo(op.operation);
            });
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        wm.verify(2, anyRequestedFor(urlPathEqualTo(API + op.path)).withHeader("Idempotency-Key", equalTo("key-1")));
    }

    static Stream<Op> ops() {
        return Stream.of(Op.values());
    }

    @Test
    void subscriptionAlreadyExistsIsANonRetryableConflict() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(jsonText(400,
                "{\"code\":\"SUBSCRIPTION_ALREADY_EXISTS\",\"message\":\"Subscription already exists\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOfSatisfying(ConflictException.class, e -> {
                        assertThat(e.isRetryable()).isFalse();
                        assertThat(e.providerCode()).contains("SUBSCRIPTION_ALREADY_EXISTS");
                        assertThat(e.providerMessage()).contains("Subscription already exists");
                        assertThat(e.httpStatus()).hasValue(400);
                    });
        }
    }

    @Test
    void providerMessagesAreScrubbedOfMsisdns() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(jsonText(400,
                "{\"code\":\"BAD_MSISDN\",\"message\":\"Subscriber " + MSISDN + " is not eligible\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        assertThat(e.getMessage()).doesNotContain(MSISDN);
                        assertThat(e.providerMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(MSISDN)
                                .contains("3816******67"));
                    });
        }
    }

    @Test
    void anHtmlErrorPageFallsBackToTheStatus() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html>Bad gateway</html>")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(502);
                        assertThat(e.providerCode()).isEmpty();
                    });
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo(API + "/transactions/init")));
    }

    @Test
    void a429OutsidePinSubmissionIsRateLimiting() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(jsonText(429, "{\"code\":\"TOO_MANY\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOf(RateLimitedException.class);
        }
    }
}
