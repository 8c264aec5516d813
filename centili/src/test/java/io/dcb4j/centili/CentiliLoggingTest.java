package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every operation with DEBUG logging and asserts that no secret, token, PIN or full MSISDN is logged. */
class CentiliLoggingTest extends CentiliTestSupport {

    static final String PIN = "918273";

    @Test
    void nothingSecretIsLoggedOrPutInExceptionsOrToString() {
        stubPasswordGrant();
        wm.stubFor(post(urlPath(TOKEN_PATH)).withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=refresh_token"))
                .willReturn(jsonText(200, "{\"access_token\":\"access-two-secret\",\"expires_in\":300,"
                        + "\"refresh_token\":\"refresh-two-secret\"}")));
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-pin.json")));
        wm.stubFor(post(API + "/transactions/tx-1001/pin").willReturn(json(200, "update-answer.json")));
        wm.stubFor(post(API + "/transactions/tx-bad/pin").willReturn(jsonText(400,
                "{\"code\":\"INVALID_PIN\",\"message\":\"PIN " + PIN + " for " + MSISDN + " is wrong\"}")));
        wm.stubFor(post(API + "/transactions/tx-1001/release").willReturn(json(200, "update-answer.json")));
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        List<String> texts = new ArrayList<>();
        try (LogCapture logs = LogCapture.start(); CentiliClient c = client()) {
            var start = c.startTransaction(StartTransactionRequest.builder("svc-gold")
                    .userIdentifier(new UserIdentifier("RS", "220011234567890", Msisdn.of(MSISDN), null, null))
                    .build());
            texts.add(start.toString());
            texts.add(c.submitPin("tx-1001", PIN).toString());
            DcbException wrong = org.junit.jupiter.api.Assertions.assertThrows(DcbException.class,
                    () -> c.submitPin("tx-bad", PIN));
            texts.add(wrong.getMessage());
            texts.add(String.valueOf(wrong.providerMessage()));
            clock.advance(Duration.ofSeconds(250)); // forces a refresh-token grant
            texts.add(c.transaction("tx-1001").toString());
            texts.add(c.releaseTransaction("tx-1001").toString());
            PinChallenge challenge = c.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of("svc-gold")));
            texts.add(challenge.toString());
            texts.add(c.pinSubscriptions().orElseThrow().confirmPin(challenge, PIN).toString());
            texts.add(c.charges().orElseThrow().status(ChargeRef.of("tx-1001")).toString());
            texts.add(c.subscriptions().orElseThrow().status(SubscriptionRef.of("tx-1001", Msisdn.of(MSISDN)))
                    .toString());
            texts.add(c.toString());
            texts.add(new UserIdentifier("RS", "220011234567890", Msisdn.of(MSISDN), null, null).toString());
            assertThatThrownBy(() -> c.submitPin("tx-1001", " ")).hasMessageNotContaining(PIN);

            String logged = logs.text();
            assertThat(logs.lines()).as("one DEBUG line per HTTP call").hasSizeGreaterThanOrEqualTo(10);
            assertThat(logged).contains("startTransaction", "submitPin", "getTransaction", "releaseTransaction",
                    "token", "refreshToken");
            texts.add(logged);
        }
        for (String text : texts) {
            assertThat(text).doesNotContain(PASSWORD, CLIENT_SECRET, ACCESS_TOKEN, REFRESH_TOKEN,
                    "access-two-secret", "refresh-two-secret", PIN, MSISDN, "220011234567890");
        }
    }

    private static com.github.tomakehurst.wiremock.matching.UrlPathPattern urlPath(String path) {
        return com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(path);
    }
}
