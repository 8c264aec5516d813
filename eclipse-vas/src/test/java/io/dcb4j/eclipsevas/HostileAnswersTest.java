package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Error answers that echo the credentials or carry hostile text, and a completion whose outcome is unknown. */
class HostileAnswersTest extends WireMockSupport {

    @Test
    void aLoginErrorEchoingIdentityAndPasswordShowsNeither() {
        wm.stubFor(post(LOGIN).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("[{\"type\":\"BUSINESS\",\"severity\":\"LOW\",\"description\":\"Wrong password "
                        + PASSWORD + " for " + IDENTITY + "\",\"code\":\"USR004\",\"traceId\":\"tr-" + PASSWORD
                        + "\"}]")));
        try (EclipseVasClient c = client()) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class, () -> c.payment(172565));
            assertThat(e.operation()).isEqualTo("login");
            assertThat(e.providerCode()).hasValue("USR004");
            assertThat(e.providerMessage()).hasValue("Wrong password *** for ***");
            assertThat(e.requestId()).hasValue("tr-***");
            assertThat(e.getMessage()).isEqualTo("Eclipse rejected the credentials: HTTP 401 USR004 [provider=eclipse-vas, "
                    + "operation=login, httpStatus=401, code=USR004, message=Wrong password *** for ***, requestId=tr-***]");
        }
    }

    @Test
    void anApiErrorEchoingThePasswordTheSessionTokenAndAnMsisdnShowsNone() {
        wm.stubFor(get(T + "/payments/172565").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"description\":\"Bad msisdn (256) 772.123.456 \\u202e with " + PASSWORD + " and "
                        + JWT + "\",\"code\":\"VAL001\",\"traceId\":\"t\\r\\n1\"}]")));
        try (EclipseVasClient c = client()) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class, () -> c.payment(172565));
            assertThat(e.providerMessage()).hasValue("Bad msisdn (256) 7**.***.*56 with *** and ***");
            assertThat(e.requestId()).hasValue("t 1");
            assertThat(e.getMessage()).isEqualTo("Eclipse rejected the request: HTTP 400 VAL001 [provider=eclipse-vas, "
                    + "operation=payment, httpStatus=400, code=VAL001, message=Bad msisdn (256) 7**.***.*56 with *** "
                    + "and ***, requestId=t 1]");
        }
    }

    @Test
    void aCompletionWhoseOutcomeIsUnknownNamesThePayment() {
        wm.stubFor(put(T + "/payments/1725651234").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (EclipseVasClient c = client()) {
            DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                    () -> c.completePayment(1725651234L, PaymentUpdate.builder().amount(new BigDecimal("100.00")).build()));
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.reference()).hasValue(new ProviderReference("paymentId", "1725651234"));
            assertThat(e.getMessage()).isEqualTo("call failed (SocketException) after the request was sent; "
                    + "not retried: the provider may have applied it; query the status of this paymentId "
                    + "(see reference) before trying again [provider=eclipse-vas, operation=completePayment, "
                    + "reference=paymentId 1725651234]");
        }
        wm.verify(1, putRequestedFor(urlPathEqualTo(T + "/payments/1725651234")));
    }
}
