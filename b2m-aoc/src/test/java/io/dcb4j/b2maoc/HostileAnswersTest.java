package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.core.model.Msisdn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Envelopes that echo the credential header or carry hostile text, and writes whose outcome is unknown. */
class HostileAnswersTest extends WireMockSupport {

    static final String KEY = "partner-key-5c1e9a";
    static final String FULL = "8801812345678";

    @Test
    void aFailedEnvelopeEchoingTheCredentialHeaderAndTheMsisdnShowsNeither() {
        wm.stubFor(get("/api/chargeStatus/AOC1").willReturn(answer(203, "{\"status\":false,\"errors\":true,"
                + "\"message\":\"failed\",\"data\":{\"errorCode\":\"AOC1007\",\"errorMessage\":\"key " + KEY
                + " cannot charge +880 1812-345678\\u001b]0;pwned\\u0007\\u2028done\"}}")
                .withHeader("X-Request-Id", "req\t" + KEY)));
        try (B2mAocClient c = builder().extraHeader("X-Partner-Key", KEY).build()) {
            InsufficientFundsException e = catchThrowableOfType(InsufficientFundsException.class,
                    () -> c.chargeStatus(aoc("AOC1")));
            assertThat(e.providerCode()).hasValue("AOC1007");
            assertThat(e.providerMessage()).hasValue("key *** cannot charge +880 1***-****78 done");
            assertThat(e.requestId()).hasValue("req ***");
            assertThat(e.getMessage()).startsWith("AOC1007 ").endsWith("[provider=b2m-aoc, operation=chargeStatus, "
                    + "httpStatus=203, code=AOC1007, message=key *** cannot charge +880 1***-****78 done, "
                    + "requestId=req ***]");
        }
    }

    @Test
    void fieldErrorsAndEnvelopeMessagesAreCleaned() {
        wm.stubFor(get("/api/cancelSubscription/SP1/" + FULL).willReturn(answer(203, "{\"status\":false,"
                + "\"errors\":true,\"message\":\"invalid\",\"data\":{\"msisdn\":[\"8801-812-345-678 is not valid\\r\\n"
                + "forged\"],\"header\":\"" + KEY + " unknown\"}}")));
        wm.stubFor(get("/api/getToken/GAMES/" + FULL).willReturn(answer(200, "{\"status\":true,\"errors\":false,"
                + "\"message\":\"Token for 880 1812 345 678 \\u202eok " + KEY + "\",\"data\":{\"aocTransID\":\"AOC9\"}}")));
        try (B2mAocClient c = builder().extraHeader("X-Partner-Key", KEY).build()) {
            B2mAocInvalidRequestException e = catchThrowableOfType(B2mAocInvalidRequestException.class,
                    () -> c.cancelSubscription(sp("SP1"), Msisdn.of(FULL)));
            assertThat(e.fields()).isEqualTo(Map.of("msisdn", "8801-***-***-*78 is not valid forged",
                    "header", "*** unknown"));
            ChargeToken token = c.requestCharge("GAMES", Msisdn.of(FULL));
            assertThat(token.message()).isEqualTo("Token for 880 1*** *** *78 ok ***");
            assertThat(token.toString()).doesNotContain(KEY, "1812 345", "\u202E");
        }
    }

    @Test
    void aRenewalWhoseOutcomeIsUnknownNamesTheSpTransId() {
        wm.stubFor(get("/api/renewSubscription/SP20240303000001/" + FULL)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        DcbTransportException e = catchThrowableOfType(DcbTransportException.class,
                () -> client.renewSubscription(sp("SP20240303000001"), Msisdn.of(FULL)));
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.reference()).hasValue(new ProviderReference("spTransID", "SP20240303000001"));
        assertThat(e.getMessage()).isEqualTo("call failed (SocketException) after the request was sent; not retried: "
                + "the provider may have applied it; query the status of this spTransID (see reference) before "
                + "trying again [provider=b2m-aoc, operation=renewSubscription, reference=spTransID SP20240303000001]");
        wm.verify(1, getRequestedFor(urlPathEqualTo("/api/renewSubscription/SP20240303000001/" + FULL)));
    }
}
