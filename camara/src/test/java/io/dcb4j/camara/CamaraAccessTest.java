package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.testing.LogCapture;
import io.dcb4j.core.token.AccessToken;
import io.dcb4j.core.token.CachingTokenProvider;
import io.dcb4j.core.token.TokenProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Two-legged and three-legged access, and the phoneNumber rules that go with them. */
class CamaraAccessTest extends CamaraTestSupport {

    static PaymentRequest payment(Msisdn phone) {
        return PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD", "order-1").phoneNumber(phone)
                .clientCorrelator("cc-x").build();
    }

    @Test
    void theClientCredentialsTokenIsAskedForWithBasicAuthAndEveryScopeThenCachedAndSentAsBearer() {
        stubToken();
        wm.stubFor(get(PAYMENTS + "/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        try (CamaraClient c = client()) {
            c.payment(PAYMENT_ID);
            c.payment(PAYMENT_ID);
        }
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        wm.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Authorization", equalTo("Basic " + basic))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withRequestBody(equalTo("grant_type=client_credentials&scope=carrier-billing%3Apayments%3Acreate"
                        + "+carrier-billing%3Apayments%3Awrite+carrier-billing%3Apayments%3Aread"
                        + "+carrier-billing-refund%3Arefunds%3Acreate+carrier-billing-refund%3Arefunds%3Aread")));
        wm.verify(2, getRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void postClientAuthenticationSendsTheCredentialsInTheFormAndAScopeOfOnesChoice() {
        stubToken();
        wm.stubFor(get(PAYMENTS + "/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        try (CamaraClient c = builder().clientAuth("post").scope("carrier-billing:payments:read").build()) {
            c.payment(PAYMENT_ID);
        }
        wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withHeader("Authorization", absent())
                .withRequestBody(equalTo("grant_type=client_credentials&scope=carrier-billing%3Apayments%3Aread"
                        + "&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET)));
    }

    @Test
    void aRejectedTokenIsFetchedAgainOnceAndTheExpiryIsHonoured() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(200, "{\"access_token\":\"first\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
                .willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("t").whenScenarioStateIs("second")
                .willReturn(json(200, "{\"access_token\":\"second\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        wm.stubFor(get(PAYMENTS + "/p").withHeader("Authorization", equalTo("Bearer first"))
                .willReturn(error(401, "UNAUTHENTICATED", "expired")));
        wm.stubFor(get(PAYMENTS + "/p").withHeader("Authorization", equalTo("Bearer second"))
                .willReturn(json(200, resource("payment-created.json"))));
        try (CamaraClient c = client()) {
            assertThat(c.payment("p").paymentId()).isEqualTo(PAYMENT_ID);
        }
        wm.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenAnswerThatIsNotBearerOrHasNoTokenIsAProtocolError() {
        wm.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(json(200,
                "{\"access_token\":\"x\",\"token_type\":\"mac\",\"expires_in\":60}")));
        try (CamaraClient c = client()) {
            assertThatThrownBy(() -> c.payment(PAYMENT_ID))
                    .isInstanceOf(io.dcb4j.core.error.DcbProtocolException.class).hasMessageContaining("token_type");
        }
    }

    @Test
    void aTwoLeggedCallThatNamesNoSubscriberIsRefusedBeforeItIsSent() {
        try (CamaraClient c = client()) {
            assertThatThrownBy(() -> c.createPayment(payment(null))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("phoneNumber is required").hasMessageContaining("MISSING_IDENTIFIER");
            assertThatThrownBy(() -> c.cancelPayment(PAYMENT_ID)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    /** A merchant's three-legged tokens: one per subscriber and scope, as its OIDC flow would give them. */
    static final class FakeSubscriberTokens implements SubscriberTokens {
        final List<String> asked = new ArrayList<>();
        final Map<String, TokenProvider> cache = new ConcurrentHashMap<>();

        @Override
        public synchronized TokenProvider tokenFor(Msisdn subscriber, String scope) {
            asked.add(subscriber.digits() + " " + scope);
            return cache.computeIfAbsent(subscriber.digits() + scope, k -> CachingTokenProvider.builder(
                    CachingTokenProvider.cacheKey("camara-3l", k), previous -> AccessToken.bearer(
                            "3L-" + subscriber.digits() + "-" + scope.substring(scope.lastIndexOf(':') + 1),
                            Instant.now().plusSeconds(600))).build());
        }
    }

    @Test
    void threeLeggedCallsCarryTheSubscribersTokenForTheCallsScopeAndNeverThePhoneNumber() {
        stubToken();
        wm.stubFor(post(PAYMENTS + "/prepare").willReturn(json(201, resource("prepare-reserved.json"))));
        wm.stubFor(post(PAYMENTS + "/" + PAYMENT_ID + "/confirm").willReturn(aResponse().withStatus(202)));
        wm.stubFor(get(PAYMENTS + "/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        FakeSubscriberTokens tokens = new FakeSubscriberTokens();
        try (CamaraClient c = builder().subscriberTokens(tokens).build()) {
            c.preparePayment(payment(PHONE));
            c.confirmPayment(PAYMENT_ID, PHONE);
            c.payment(PAYMENT_ID);                          // names no subscriber: the two-legged token
            try (CamaraClient view = c.forSubscriber(PHONE)) {
                view.payment(PAYMENT_ID);                   // the view's subscriber: three-legged
                assertThat(view.subscriber()).hasValue(PHONE);
            }
            c.payment(PAYMENT_ID);                          // closing the view left the client open
        }
        assertThat(tokens.asked).containsExactly("34671999000 carrier-billing:payments:create",
                "34671999000 carrier-billing:payments:write", "34671999000 carrier-billing:payments:read");
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/prepare"))
                .withHeader("Authorization", equalTo("Bearer 3L-34671999000-create"))
                .withRequestBody(equalToJson("{\"amountTransaction\":{\"clientCorrelator\":\"cc-x\","
                        + "\"paymentAmount\":{\"chargingInformation\":{\"amount\":2.99,\"currency\":\"EUR\","
                        + "\"description\":\"VOD\"}},\"referenceCode\":\"order-1\"}}")));
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID + "/confirm"))
                .withHeader("Authorization", equalTo("Bearer 3L-34671999000-write"))
                .withRequestBody(equalToJson("{}")));
        wm.verify(2, getRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wm.verify(1, getRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID))
                .withHeader("Authorization", equalTo("Bearer 3L-34671999000-read")));
    }

    @Test
    void withOnlyThreeLeggedAccessACallWithoutSubscriberNeedsAView() {
        wm.stubFor(post(REFUNDS + "/" + PAYMENT_ID + "/refunds").willReturn(json(201, resource("refund-total.json"))));
        FakeSubscriberTokens tokens = new FakeSubscriberTokens();
        try (CamaraClient c = CamaraClient.builder().baseUrl(wm.baseUrl()).subscriberTokens(tokens)
                .options(fastOptionsBuilder().build()).build()) {
            assertThatThrownBy(() -> c.payment(PAYMENT_ID)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("forSubscriber");
            c.forSubscriber(PHONE).createRefund(PAYMENT_ID, RefundRequest.total("r-1").build());
        }
        assertThat(tokens.asked).containsExactly("34671999000 carrier-billing-refund:refunds:create");
        wm.verify(postRequestedFor(urlEqualTo(REFUNDS + "/" + PAYMENT_ID + "/refunds"))
                .withHeader("Authorization", equalTo("Bearer 3L-34671999000-create")));
    }

    @Test
    void aViewOnTwoLeggedAccessNamesItsSubscriberAsThePhoneNumber() {
        stubToken();
        wm.stubFor(post(PAYMENTS).willReturn(json(201, resource("payment-created.json"))));
        wm.stubFor(post(PAYMENTS + "/" + PAYMENT_ID + "/cancel").willReturn(aResponse().withStatus(202)));
        try (CamaraClient c = client()) {
            CamaraClient view = c.forSubscriber(PHONE);
            view.createPayment(payment(null));
            view.cancelPayment(PAYMENT_ID);
        }
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS)).withRequestBody(containing("\"phoneNumber\":\"+34671999000\""))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        wm.verify(postRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID + "/cancel"))
                .withRequestBody(equalToJson("{\"phoneNumber\":\"+34671999000\"}")));
    }

    @Test
    void tokensOfTheMerchantsOwnReplaceTheClientCredentialsGrant() {
        wm.stubFor(get(PAYMENTS + "/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        TokenProvider own = CachingTokenProvider.builder("own", previous -> AccessToken.bearer("private-key-jwt-token",
                Instant.now().plusSeconds(600))).build();
        try (CamaraClient c = CamaraClient.builder().baseUrl(wm.baseUrl()).clientTokens(own)
                .options(fastOptionsBuilder().build()).build()) {
            c.payment(PAYMENT_ID);
        }
        wm.verify(getRequestedFor(urlEqualTo(PAYMENTS + "/" + PAYMENT_ID))
                .withHeader("Authorization", equalTo("Bearer private-key-jwt-token")));
        wm.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    }

    @Test
    void missingOrIncompleteAccessIsAConfigurationErrorNamingTheKey() {
        assertThatThrownBy(() -> CamaraClient.builder().baseUrl("https://api.example").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'client-id'");
        assertThatThrownBy(() -> CamaraClient.builder().baseUrl("https://api.example").clientId("a").clientSecret("b")
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("'token-url'");
        assertThatThrownBy(() -> CamaraClient.builder().clientId("a").clientSecret("b").tokenUrl("https://t.example")
                .build()).isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        assertThatThrownBy(() -> CamaraClient.builder().clientAuth("jwt"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'client-auth'");
        assertThatThrownBy(() -> CamaraClient.builder().sink("http://shop.example/sink"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'sink'");
        assertThatThrownBy(() -> CamaraClient.builder().notificationSecret(" "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        assertThatThrownBy(() -> CamaraClient.builder().paymentsPath("/"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'payments-path'");
    }

    @Test
    void anotherApiVersionIsReachedThroughItsPaths() {
        stubToken();
        wm.stubFor(get("/cb/v0.4/payments/" + PAYMENT_ID).willReturn(json(200, resource("payment-created.json"))));
        wm.stubFor(get("/cbr/v0.2/payments/" + PAYMENT_ID + "/refunds/remaining-amount")
                .willReturn(json(200, resource("remaining-amount.json"))));
        try (CamaraClient c = builder().paymentsPath("/cb/v0.4/").refundsPath("cbr/v0.2").build()) {
            c.payment(PAYMENT_ID);
            c.remainingAmount(PAYMENT_ID);
        }
        wm.verify(getRequestedFor(urlEqualTo("/cb/v0.4/payments/" + PAYMENT_ID)));
        wm.verify(getRequestedFor(urlEqualTo("/cbr/v0.2/payments/" + PAYMENT_ID + "/refunds/remaining-amount")));
    }

    @Test
    void noSecretNorPhoneNumberNorCodeReachesALogLineOrAnException() {
        stubToken();
        wm.stubFor(post(PAYMENTS).willReturn(json(201, resource("payment-created.json"))));
        wm.stubFor(post(PAYMENTS + "/" + PAYMENT_ID + "/validate").willReturn(error(400, "CARRIER_BILLING.INVALID_CODE",
                "Invalid code 352673 for +34671999000")));
        String logs;
        Throwable failure;
        try (LogCapture capture = LogCapture.start();
                CamaraClient c = builder().sink("https://shop.example/s").notificationSecret(SINK_TOKEN).build()) {
            c.createPayment(payment(PHONE));
            failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> c.validatePayment(PAYMENT_ID, "Fn34o8g239v3wrb3t", "352673"));
            logs = capture.text();
            assertThat(c.toString()).doesNotContain(CLIENT_SECRET);
        }
        assertThat(logs).contains("camara createPayment").doesNotContain(CLIENT_SECRET, TOKEN, SINK_TOKEN,
                "671999000", "352673");
        assertThat(failure).isInstanceOf(io.dcb4j.core.error.InvalidPinException.class);
        assertThat(failure.getMessage()).doesNotContain("352673", "671999000");
    }
}
