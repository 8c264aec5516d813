package io.dcb4j.infomedia;

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
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import org.junit.jupiter.api.Test;

/** Refusals that echo the credentials or carry hostile text, and writes whose outcome is unknown. */
class HostileAnswersTest extends InfomediaTestSupport {

    static final SubscriptionRequest REQUEST = SubscriptionRequest.builder(Msisdn.of(MSISDN), 92000000L).build();

    @Test
    void aRefusalEchoingTheApiKeyUserAndPasswordShowsNone() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"Failed\",\"description\":\"05 - Invalid credentials u=" + USERNAME + " p="
                        + PASSWORD + " key " + API_KEY + " for +971 50 000 0000\"}")));
        try (InfomediaClient c = client()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.generatePin(REQUEST));
            assertThat(e.providerCode()).hasValue("05");
            assertThat(e.providerMessage()).hasValue("05 - Invalid credentials u=*** p=*** key *** for +971 5* *** **00");
            assertThat(e.getMessage()).isEqualTo("credentials rejected [provider=infomedia, operation=generatePin, "
                    + "httpStatus=200, code=05, message=05 - Invalid credentials u=*** p=*** key *** for "
                    + "+971 5* *** **00]");
        }
    }

    @Test
    void aJoinRefusalEchoingThePinAndHostileTextIsCleanedAndCut() {
        wm.stubFor(post("/dcb/SubscriptionJoinWithParams").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"Failed\",\"description\":\"09 - Invalid PIN 482913\\u001b[2K\\r\\n"
                        + "\\u2066forged\\u2069 " + "x".repeat(100_000) + "\"}")));
        try (InfomediaClient c = client()) {
            InvalidPinException e = catchThrowableOfType(InvalidPinException.class, () -> c.join(REQUEST, "482913"));
            assertThat(e.providerMessage().orElseThrow()).startsWith("09 - Invalid PIN *** forged xxx")
                    .endsWith("...[truncated]").hasSize(300);
            assertThat(e.getMessage()).doesNotContain("482913").hasSizeLessThan(700);
        }
    }

    @Test
    void anUnsubscribeWhoseOutcomeIsUnknownNamesTheSid() {
        wm.stubFor(post("/dcb/SubscriptionUnsubscribe").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (InfomediaClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.unsubscribe("8000000", Msisdn.of(MSISDN)));
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.reference()).hasValue(new ProviderReference("sid", "8000000"));
            assertThat(e.getMessage()).isEqualTo("call failed (SocketException) after the request was sent; "
                    + "not retried: the provider may have applied it; query the status of this sid (see reference) "
                    + "before trying again [provider=infomedia, operation=unsubscribe, reference=sid 8000000]");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/dcb/SubscriptionUnsubscribe")));
    }
}
