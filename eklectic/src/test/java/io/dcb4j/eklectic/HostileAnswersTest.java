package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import org.junit.jupiter.api.Test;

/** Error answers that echo the credentials or carry hostile text, and writes whose outcome is unknown. */
class HostileAnswersTest extends WireMockSupport {

    @Test
    void aTokenEndpointEchoingTheClientSecretShowsItNowhere() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "tok " + CLIENT_SECRET)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client_secret=" + CLIENT_SECRET
                        + " does not match client " + CLIENT_ID + "\"}")));
        try (EklecticClient c = client()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                    () -> c.subscription("23939206"));
            assertThat(e.operation()).isEqualTo("token");
            assertThat(e.httpStatus()).hasValue(401);
            assertThat(e.providerCode()).hasValue("invalid_client");
            assertThat(e.providerMessage()).hasValue("client_secret=*** does not match client ***");
            assertThat(e.requestId()).hasValue("tok ***");
            assertThat(e.getMessage()).isEqualTo("client credentials rejected by the token endpoint: HTTP 401 "
                    + "[provider=eklectic, operation=token, httpStatus=401, code=invalid_client, "
                    + "message=client_secret=*** does not match client ***, requestId=tok ***]");
            assertThat(e.toString()).doesNotContain(CLIENT_SECRET, CLIENT_ID);
        }
    }

    @Test
    void anApiErrorEchoingTheBearerTokenAnMsisdnAndControlCharactersIsCleaned() {
        stubToken();
        wm.stubFor(get("/API/subscription/404").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("X-Request-Id", "216-98-765-432")
                .withBody("{\"message\":\"no subscriber +216 98 765 432\\r\\nINFO forged \\u202e for Bearer "
                        + TOKEN + "\"}")));
        try (EklecticClient c = client()) {
            NotFoundException e = catchThrowableOfType(NotFoundException.class, () -> c.subscription("404"));
            assertThat(e.providerMessage()).hasValue("no subscriber +216 9* *** *32 INFO forged for Bearer ***");
            assertThat(e.requestId()).hasValue("216-9*-***-*32");
            assertThat(e.getMessage()).isEqualTo("not found: HTTP 404 [provider=eklectic, operation=subscription, "
                    + "httpStatus=404, message=no subscriber +216 9* *** *32 INFO forged for Bearer ***, "
                    + "requestId=216-9*-***-*32]");
        }
    }

    @Test
    void anUnsubscribeWhoseOutcomeIsUnknownNamesTheSubscription() {
        stubToken();
        wm.stubFor(delete("/API/subscription/23939206").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (EklecticClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.unsubscribe("23939206"));
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.reference()).hasValue(new ProviderReference("subscriptionId", "23939206"));
            assertThat(e.getMessage()).isEqualTo("call failed (SocketException) after the request was sent; "
                    + "not retried: the provider may have applied it; query the status of this subscriptionId "
                    + "(see reference) before trying again [provider=eklectic, operation=unsubscribe, "
                    + "reference=subscriptionId 23939206]");
        }
        wm.verify(1, deleteRequestedFor(urlPathEqualTo("/API/subscription/23939206")));
    }

    @Test
    void aConfirmWhoseOutcomeIsUnknownNamesTheChallengeCode() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        try (EklecticClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.confirmPin(Msisdn.of("21698765432"), OfferId.of(123), "c0de-77", "4821"));
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.reference()).hasValue(new ProviderReference("code", "c0de-77"));
            assertThat(e.getMessage()).doesNotContain("21698765432", "4821")
                    .endsWith("[provider=eklectic, operation=confirmPin, reference=code c0de-77]");
        }
    }
}
