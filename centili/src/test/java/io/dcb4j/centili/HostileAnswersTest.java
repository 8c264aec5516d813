package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.ProviderReference;
import org.junit.jupiter.api.Test;

/** Error answers that echo the credentials or carry hostile text, and writes that never got an answer. */
class HostileAnswersTest extends CentiliTestSupport {

    @Test
    void aTokenEndpointEchoingEveryCredentialShowsNone() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(jsonText(401, "{\"error\":\"invalid_grant\","
                + "\"error_description\":\"client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET + "&username="
                + USERNAME + "&password=" + PASSWORD + " refused\"}")));
        try (CentiliClient c = client()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.transaction("tx-1"));
            assertThat(e.operation()).isEqualTo("token");
            assertThat(e.providerCode()).hasValue("invalid_grant");
            assertThat(e.providerMessage())
                    .hasValue("client_id=***&client_secret=***&username=***&password=*** refused");
            assertThat(e.getMessage()).isEqualTo("Centili refused the credentials [provider=centili, operation=token, "
                    + "httpStatus=401, code=invalid_grant, message=client_id=***&client_secret=***&username=***"
                    + "&password=*** refused]");
        }
    }

    @Test
    void aPinErrorEchoingThePinTheTokenAndTheMsisdnShowsNone() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/pin").willReturn(jsonText(400, "{\"code\":\"INVALID_PIN\","
                + "\"message\":\"PIN 4821 wrong for 381-64-123-4567 (token " + ACCESS_TOKEN + ")\\u009b2J\"}")));
        try (CentiliClient c = client()) {
            InvalidPinException e = catchThrowableOfType(InvalidPinException.class, () -> c.submitPin("tx-1001", "4821"));
            assertThat(e.providerMessage()).hasValue("PIN *** wrong for 381-6*-***-**67 (token ***)");
            assertThat(e.reference()).hasValue(new ProviderReference("transactionId", "tx-1001"));
            assertThat(e.getMessage()).isEqualTo("invalid PIN, the subscriber may try again [provider=centili, "
                    + "operation=submitPin, httpStatus=400, code=INVALID_PIN, message=PIN *** wrong for "
                    + "381-6*-***-**67 (token ***), reference=transactionId tx-1001]");
        }
    }

    @Test
    void aReleaseThatNeverGotAnAnswerNamesTheTransaction() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/release").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        try (CentiliClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.releaseTransaction("tx-1001", "rel-1"));
            assertThat(e.isRetryable()).isTrue();
            assertThat(e.reference()).hasValue(new ProviderReference("transactionId", "tx-1001"));
            assertThat(e.getMessage()).isEqualTo("call failed (IOException) after the request was sent; retries "
                    + "exhausted [provider=centili, operation=releaseTransaction, reference=transactionId tx-1001]");
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/release")));
    }

    @Test
    void aStartThatNeverGotAnAnswerNamesItsIdempotencyKey() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (CentiliClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.startTransaction(io.dcb4j.centili.model.StartTransactionRequest.builder("svc-gold")
                            .idempotencyKey("order-77").build()));
            assertThat(e.reference()).hasValue(new ProviderReference("idempotencyKey", "order-77"));
        }
    }
}
