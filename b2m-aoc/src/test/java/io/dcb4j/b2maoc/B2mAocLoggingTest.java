package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.testing.LogCapture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class B2mAocLoggingTest extends WireMockSupport {

    static final String FULL = "8801812345678";
    static final String HEADER_SECRET = "hdr-s3cr3t-4f9a";
    static final String CALLBACK_SECRET = "cb-s3cr3t-77e1";

    @Test
    void noSecretHeaderOrFullMsisdnReachesLogsExceptionsOrResults() {
        String sp = "SP20240303000001";
        wm.stubFor(get("/api/getToken/GAMES/" + FULL).willReturn(json("get-token.json")));
        wm.stubFor(post("/api/getToken").willReturn(json("get-token.json")));
        wm.stubFor(get("/api/chargeStatus/AOC5f2b9c7e01").willReturn(json("charge-status.json")));
        wm.stubFor(get("/api/subscriptionStatus/" + sp + "/" + FULL).willReturn(json("subscription-status.json")));
        wm.stubFor(get("/api/renewSubscription/" + sp + "/" + FULL).willReturn(json("renew-renewed-new-id.json")));
        wm.stubFor(get("/api/cancelSubscription/SP20240403000777/" + FULL).willReturn(json("cancel-subscription.json")));
        wm.stubFor(get("/api/chargeStatus/FAIL").willReturn(json203("error-code.json")));
        wm.stubFor(get("/api/cancelSubscription/BAD/" + FULL).willReturn(json203("get-token-missing-params.json")));

        Msisdn msisdn = Msisdn.of(FULL);
        List<String> visible = new ArrayList<>();
        try (LogCapture logs = LogCapture.start();
                B2mAocClient c = builder().extraHeader("X-Api-Key", HEADER_SECRET).notificationSecret(CALLBACK_SECRET)
                        .build()) {
            visible.add(c.requestCharge("GAMES", msisdn).toString());
            visible.add(c.requestCharge("GAMES", msisdn, TokenRequestMethod.POST_JSON).toString());
            visible.add(c.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("10", "BDT")).msisdn(msisdn)
                    .offer(OfferId.of("GAMES")).build()).toString());
            visible.add(c.chargeStatus(aoc("AOC5f2b9c7e01")).toString());
            SubscriptionRef ref = SubscriptionRef.of(sp, msisdn);
            visible.add(c.subscriptions().orElseThrow().status(ref).toString());
            SubscriptionRef renewed = c.renewals().orElseThrow().renew(ref).current();
            visible.add(renewed.toString());
            visible.add(c.cancellations().orElseThrow().cancel(renewed).toString());
            visible.add(message(catchThrowable(() -> c.charges().orElseThrow().status(ChargeRef.of("FAIL")))));
            visible.add(message(catchThrowable(() -> c.cancelSubscription(sp("BAD"), msisdn))));
            visible.add(c.notifications().orElseThrow().parse(InboundNotification.get(
                    "/cb?subscriptionID=S1&msisdn=" + FULL + "&status=unsubscribed&secret=" + CALLBACK_SECRET)).toString());
            visible.add(message(catchThrowable(() -> c.notifications().orElseThrow().parse(InboundNotification.get(
                    "/cb?subscriptionID=S1&msisdn=" + FULL + "&status=unsubscribed&secret=" + CALLBACK_SECRET + "x")))));
            visible.add(c.toString());

            String logged = logs.text();
            assertThat(logs.lines()).as("every call is logged at DEBUG").hasSizeGreaterThanOrEqualTo(9);
            assertThat(logged).contains("b2m-aoc").contains("8801*******78");
            assertThat(logged).doesNotContain(FULL).doesNotContain(HEADER_SECRET).doesNotContain(CALLBACK_SECRET);
        }
        assertThat(visible).hasSize(12).allSatisfy(s -> assertThat(s).doesNotContain(FULL)
                .doesNotContain(HEADER_SECRET).doesNotContain(CALLBACK_SECRET));
    }

    private static String message(Throwable t) {
        assertThat(t).isInstanceOf(DcbException.class);
        return t.toString();
    }
}
