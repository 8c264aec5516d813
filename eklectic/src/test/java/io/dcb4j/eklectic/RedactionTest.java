package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.eklectic.model.OtpChallenge;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Runs every operation with DEBUG logging and asserts that no credential, token, PIN or full MSISDN shows. */
class RedactionTest extends WireMockSupport {

    static final String MSISDN = "21612345678";
    static final String PIN = "482913";

    @Test
    void nothingSecretIsLoggedOrPutInExceptionsOrToString() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        wm.stubFor(post("/API/subscription/confirm").inScenario("pin")
                .willReturn(json(resource("confirm-answer.json"))));
        wm.stubFor(post("/API/subscription/find").willReturn(json(resource("find-answer.json"))));
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        wm.stubFor(delete("/API/subscription/23939206").willReturn(aResponse().withStatus(200)));
        wm.stubFor(get("/API/subscription/404").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"no subscriber " + MSISDN + "\"}")));

        List<String> texts = new ArrayList<>();
        String logs;
        try (LogCapture capture = LogCapture.start(); EklecticClient c = client()) {
            BillingProvider p = c;
            OtpChallenge otp = c.sendPin(Msisdn.of(MSISDN), OfferId.of(123));
            texts.add(otp.toString());
            texts.add(c.confirmPin(otp, PIN).toString());
            PinChallenge challenge = p.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.of(Msisdn.of(MSISDN), OfferId.of(123)));
            texts.add(challenge.toString());
            SubscriptionResult result = p.pinSubscriptions().orElseThrow().confirmPin(challenge, PIN);
            texts.add(result.toString());
            texts.add(p.subscriptions().orElseThrow().status(SubscriptionRef.of(Msisdn.of(MSISDN), OfferId.of(123)))
                    .toString());
            texts.add(p.cancellations().orElseThrow().cancel(SubscriptionRef.of("23939206")).toString());
            try {
                c.subscription("404");
            } catch (DcbException e) {
                texts.add(e.getMessage());
                texts.add(e.providerMessage().orElse(""));
            }
            wm.stubFor(post("/API/subscription/confirm").willReturn(aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"confirm\":\"KO\",\"message\":\"pin " + PIN + " wrong for " + MSISDN + "\"}")));
            try {
                c.confirmPin(otp, PIN);
            } catch (DcbException e) {
                texts.add(e.getMessage());
                texts.add(e.providerMessage().orElse(""));
            }
            texts.add(c.toString());
            logs = capture.text();
        }
        assertThat(logs).as("the operations were logged").contains("sendPin").contains("confirmPin")
                .contains("token").contains("unsubscribe").contains("findSubscription");
        assertThat(logs).as("the credentials travel in the token URL but are masked")
                .contains("client_secret=***").contains("client_id=***");
        for (String text : concat(logs, texts)) {
            assertThat(text)
                    .doesNotContain(CLIENT_SECRET)
                    .doesNotContain(CLIENT_ID)
                    .doesNotContain(TOKEN)
                    .doesNotContain(TOKEN.substring(0, 36))
                    .doesNotContain(PIN)
                    .doesNotContain(MSISDN);
        }
    }

    private static List<String> concat(String logs, List<String> texts) {
        List<String> all = new ArrayList<>(texts);
        all.add(logs);
        return all;
    }
}
