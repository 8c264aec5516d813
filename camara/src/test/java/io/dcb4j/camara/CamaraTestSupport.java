package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.testing.MutableClock;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Shared WireMock server, the client under test, the specification's payloads. */
abstract class CamaraTestSupport extends WireMockTestSupport {

    static final String CLIENT_ID = "camara-client-7f2a";
    static final String CLIENT_SECRET = "CAMARASECRETx4k9q";
    static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.camara-two-legged.sig";
    static final String SINK_TOKEN = "sink-token-7Hq2xV9pLm";
    static final String PAYMENTS = "/carrier-billing/v0.5/payments";
    static final String REFUNDS = "/carrier-billing-refund/v0.3/payments";
    static final String TOKEN_PATH = "/oauth2/token";
    static final String PAYMENT_ID = "AK234rfweSBuWGFUEWFGWEVWRV";
    static final Msisdn PHONE = Msisdn.of("+34671999000");

    final MutableClock clock = new MutableClock(Instant.parse("2023-11-03T12:00:00Z"));
    final AtomicInteger correlators = new AtomicInteger();
    final AtomicInteger clientCorrelators = new AtomicInteger();

    static String resource(String name) {
        return classpathText("/camara/" + name);
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** An error answer as the specification shows it, echoing the correlator. */
    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, "{\"status\":" + status + ",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}")
                .withHeader("x-correlator", "corr-err");
    }

    CamaraClient.Builder builder() {
        return CamaraClient.builder().baseUrl(wm.baseUrl()).tokenUrl(wm.baseUrl() + TOKEN_PATH)
                .clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .options(fastOptionsBuilder().clock(clock).build())
                .correlators(() -> "corr-" + correlators.incrementAndGet())
                .clientCorrelators(() -> "cc-" + clientCorrelators.incrementAndGet());
    }

    CamaraClient client() {
        return builder().build();
    }

    static void stubToken() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200, resource("token-answer.json"))));
    }
}
