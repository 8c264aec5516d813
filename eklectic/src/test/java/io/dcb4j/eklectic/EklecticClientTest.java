package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
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
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EklecticClientTest extends WireMockSupport {

    static final Msisdn MSISDN = Msisdn.of("21612345678");
    static final OfferId OFFER = OfferId.of(123);
    static final String CODE = "13995910-8ffa-11ec-9feb-fa163e3dd8b3";

    // ------------------------------------------------------------------ token

    @Test
    void theTokenIsFetchedWithTheCredentialsInTheQueryStringAndSentAsBearer() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        try (EklecticClient c = client()) {
            c.sendPin(MSISDN, OFFER);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/API/oauth/token?grant_type=client_credentials&client_id="
                + CLIENT_ID + "&client_secret=" + CLIENT_SECRET))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withHeader("Authorization", absent())
                .withHeader("User-Agent", matching("dcb4j/.+")));
    }

    @Test
    void theTokenIsFetchedOnceForSeveralCallsAndAgainAfterExpiresIn() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (EklecticClient c = client()) {
            c.sendPin(MSISDN, OFFER);
            c.subscription("23939206");
            c.sendPin(MSISDN, OFFER);
            wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
            clock.advance(Duration.ofSeconds(43200 - 120));
            c.subscription("23939206");
            wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
            clock.advance(Duration.ofSeconds(90)); // inside the 60 s refresh skew
            c.subscription("23939206");
            wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        }
    }

    @Test
    void theTokenLifetimeComesFromExpiresIn() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token"))
                .willReturn(json("{\"access_token\":\"short-lived\",\"expires_in\":\"120\",\"token_type\":\"Bearer\"}")));
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (EklecticClient c = client()) {
            c.subscription("23939206");
            clock.advance(Duration.ofSeconds(61));
            c.subscription("23939206");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/API/subscription/23939206"))
                .withHeader("Authorization", equalTo("Bearer short-lived")));
    }

    @Test
    void a401RefreshesTheTokenOnceThenSucceeds() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"access_token\":\"first\",\"expires_in\":43200}")).willSetStateTo("second"));
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(json("{\"access_token\":\"second\",\"expires_in\":43200}")));
        wm.stubFor(get("/API/subscription/23939206").withHeader("Authorization", equalTo("Bearer first"))
                .willReturn(aResponse().withStatus(401)));
        wm.stubFor(get("/API/subscription/23939206").withHeader("Authorization", equalTo("Bearer second"))
                .willReturn(json(resource("details-answer.json"))));
        try (EklecticClient c = client()) {
            assertThat(c.subscription("23939206").id()).isEqualTo("23939206");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        wm.verify(2, getRequestedFor(urlPathEqualTo("/API/subscription/23939206")));
    }

    @Test
    void a401AfterTheRefreshIsAnAuthenticationException() {
        stubToken();
        wm.stubFor(delete("/API/subscription/23939206").willReturn(aResponse().withStatus(401)));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.unsubscribe("23939206"))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.provider()).isEqualTo("eklectic");
                        assertThat(d.operation()).isEqualTo("unsubscribe");
                        assertThat(d.httpStatus()).hasValue(401);
                        assertThat(d.isRetryable()).isFalse();
                    });
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        wm.verify(2, deleteRequestedFor(urlPathEqualTo("/API/subscription/23939206")));
    }

    @Test
    void rejectedCredentialsAtTheTokenEndpointAreAnAuthenticationException() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"message\":\"Client authentication failed\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER))
                    .isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.operation()).isEqualTo("token");
                        assertThat(d.httpStatus()).hasValue(401);
                        assertThat(d.providerCode()).hasValue("invalid_client");
                        assertThat(d.providerMessage()).hasValue("Client authentication failed");
                        assertThat(d.getMessage()).doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID);
                    });
        }
        wm.verify(0, postRequestedFor(urlPathEqualTo("/API/subscription/otp")));
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsAProtocolError() {
        wm.stubFor(post(urlPathEqualTo("/API/oauth/token")).willReturn(json("{\"expires_in\":43200}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER)).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("access_token");
        }
    }

    // ------------------------------------------------------------------ OTP

    @Test
    void sendPinPostsTheDocumentsBodyAndReadsTheChallenge() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        OtpChallenge challenge;
        try (EklecticClient c = client()) {
            challenge = c.sendPin(MSISDN, OFFER);
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/API/subscription/otp"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalToJson(resource("otp-request.json"))));
        assertThat(challenge.code()).isEqualTo(CODE);
        assertThat(challenge.msisdn()).isEqualTo(MSISDN);
        assertThat(challenge.offer()).isEqualTo(OFFER);
        assertThat(challenge.rawExpire()).isEqualTo("2022-02-17 15:11:18");
        assertThat(challenge.expiresAt()).isEqualTo(Instant.parse("2022-02-17T14:11:18Z")); // Tunis is UTC+1
    }

    @Test
    void aNonNumericOfferIsSentAsText() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        try (EklecticClient c = client()) {
            c.sendPin(MSISDN, OfferId.of("GAMES-7"));
        }
        wm.verify(postRequestedFor(urlEqualTo("/API/subscription/otp"))
                .withRequestBody(equalToJson("{\"msisdn\":\"21612345678\",\"offreid\":\"GAMES-7\"}")));
    }

    @Test
    void theConfiguredZoneReadsZonelessDates() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json(resource("otp-answer.json"))));
        try (EklecticClient c = EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .baseUrl(baseUrl()).options(fastOptions().build()).zone(ZoneId.of("UTC")).build()) {
            assertThat(c.sendPin(MSISDN, OFFER).expiresAt()).isEqualTo(Instant.parse("2022-02-17T15:11:18Z"));
        }
    }

    @Test
    void sendPinIsNotRetriedOnA503BecauseASecondSmsWouldGoOut() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(aResponse().withStatus(503)));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> {
                        assertThat(((DcbException) e).httpStatus()).hasValue(503);
                        assertThat(((DcbException) e).isRetryable()).isTrue();
                        assertThat(((DcbException) e).operation()).isEqualTo("sendPin");
                    });
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/API/subscription/otp")));
    }

    @Test
    void anOtpAnswerWithoutCodeIsAProtocolError() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(json("{\"expire\":\"2022-02-17 15:11:18\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER)).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'code'");
        }
    }

    @Test
    void confirmPinPostsTheDocumentsBodyAndReadsEveryFieldOfTheSubscriber() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(json(resource("confirm-answer.json"))));
        ConfirmResult result;
        try (EklecticClient c = client()) {
            result = c.confirmPin(new OtpChallenge(CODE, MSISDN, OFFER, null, null), "4321");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/API/subscription/confirm"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(resource("confirm-request.json"))));
        assertThat(result.confirmed()).isTrue();
        assertThat(result.rawConfirm()).isEqualTo("OK");
        Subscriber s = result.subscriber();
        assertThat(s.id()).isEqualTo("23939206");
        assertThat(s.msisdn()).isEqualTo(MSISDN);
        assertThat(s.freePeriodStart()).isEqualTo(Instant.parse("2022-02-17T14:02:10Z"));
        assertThat(s.freePeriodEnd()).isEqualTo(Instant.parse("2022-02-18T14:02:10Z"));
        assertThat(s.subscribedAt()).isEqualTo(Instant.parse("2022-02-17T14:02:10Z"));
        assertThat(s.unsubscribedAt()).isNull();
        assertThat(s.firstBillingAttempt()).isEqualTo(Instant.parse("2022-02-18T14:05:00Z"));
        assertThat(s.lastBillingAttempt()).isEqualTo(Instant.parse("2022-02-20T14:05:00Z"));
        assertThat(s.firstSuccessfulBilling()).isEqualTo(Instant.parse("2022-02-18T14:05:01Z"));
        assertThat(s.lastSuccessfulBilling()).isEqualTo(Instant.parse("2022-02-20T14:05:01Z"));
        assertThat(s.successfulBillings()).isEqualTo(3);
        assertThat(s.simChurn()).isZero();
        assertThat(s.isSimChurned()).isFalse();
        assertThat(s.simChurnAt()).isNull();
        assertThat(s.simChurnRevertedAt()).isNull();
        assertThat(s.createdAt()).isEqualTo(Instant.parse("2022-02-17T14:02:10Z"));
        assertThat(s.lastStatusUpdate()).isEqualTo(Instant.parse("2022-02-17T14:02:11Z"));
        assertThat(s.serviceId()).isEqualTo("14");
        assertThat(s.offer()).isEqualTo(OFFER);
        assertThat(s.status()).isEqualTo(1);
        assertThat(s.state()).isEqualTo(SubscriptionState.ACTIVE);
        assertThat(s.rawState()).isEqualTo("ACTIVE");
        assertThat(s.expiresAt()).isNull();
        assertThat(s.toString()).doesNotContain("21612345678");
    }

    @Test
    void confirmAcceptsLowerCaseOk() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm")
                .willReturn(json(resource("confirm-answer.json").replace("\"OK\"", "\"ok\""))));
        try (EklecticClient c = client()) {
            ConfirmResult r = c.confirmPin(MSISDN, OFFER, CODE, "4321");
            assertThat(r.rawConfirm()).isEqualTo("ok");
            assertThat(r.subscriber().id()).isEqualTo("23939206");
        }
    }

    @Test
    void aKoConfirmIsAnInvalidPinException() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(json("{\"confirm\":\"ko\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "9999"))
                    .isInstanceOf(InvalidPinException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.provider()).isEqualTo("eklectic");
                        assertThat(d.operation()).isEqualTo("confirmPin");
                        assertThat(d.httpStatus()).hasValue(200);
                        assertThat(d.providerCode()).hasValue("ko");
                        assertThat(d.isRetryable()).isFalse();
                        assertThat(d.getMessage()).doesNotContain("9999").doesNotContain("21612345678");
                    });
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/API/subscription/confirm")));
    }

    @Test
    void aKoConfirmWithAnErrorStatusIsAnInvalidPinException() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"confirm\":\"KO\",\"message\":\"bad pin\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "9999"))
                    .isInstanceOf(InvalidPinException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.httpStatus()).hasValue(400);
                        assertThat(d.providerMessage()).hasValue("bad pin");
                    });
        }
    }

    @Test
    void aWrongPinMessageOn422IsAnInvalidPinException() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Invalid PIN code\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "9999"))
                    .isInstanceOf(InvalidPinException.class)
                    .satisfies(e -> assertThat(((DcbException) e).httpStatus()).hasValue(422));
        }
    }

    @Test
    void aConfirmThatIsNeitherOkNorKoIsAProtocolError() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(json("{\"confirm\":\"MAYBE\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "4321"))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("MAYBE");
        }
    }

    @Test
    void anOkConfirmWithoutUserIsAProtocolError() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(json("{\"confirm\":\"OK\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "4321"))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'user'");
        }
    }

    @Test
    void theDocumentsPlaceholderAnswerIsRejectedNamingTheUnreadableDate() {
        stubToken();
        wm.stubFor(post("/API/subscription/confirm").willReturn(json(resource("confirm-answer-template.json"))));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, "4321"))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'date_debfree'");
        }
    }

    @Test
    void confirmRejectsABlankPinOrCodeBeforeCallingEklectic() {
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, CODE, " "))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.confirmPin(MSISDN, OFFER, "", "4321"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    // ------------------------------------------------------------------ status

    @Test
    void findSubscriptionPostsMsisdnAndOfferAndReadsTheId() {
        stubToken();
        wm.stubFor(post("/API/subscription/find").willReturn(json(resource("find-answer.json"))));
        try (EklecticClient c = client()) {
            assertThat(c.findSubscription(MSISDN, OfferId.of(1234))).isEqualTo("23939206");
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/API/subscription/find"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson(resource("find-request.json"))));
    }

    @Test
    void findIsALookupAndIsRetriedOnA503() {
        stubToken();
        wm.stubFor(post("/API/subscription/find").inScenario("find").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(post("/API/subscription/find").inScenario("find").whenScenarioStateIs("up")
                .willReturn(json("{\"subscriptionID\": 23939206}")));
        try (EklecticClient c = client()) {
            assertThat(c.findSubscription(MSISDN, OfferId.of(1234))).isEqualTo("23939206");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo("/API/subscription/find")));
    }

    @Test
    void findWithoutAnIdIsNotFound() {
        stubToken();
        wm.stubFor(post("/API/subscription/find").willReturn(json("{\"subscriptionID\": null}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.findSubscription(MSISDN, OFFER)).isInstanceOf(NotFoundException.class)
                    .satisfies(e -> assertThat(((DcbException) e).operation()).isEqualTo("findSubscription"));
        }
    }

    @Test
    void subscriptionReadsTheDocumentsDetailsWithItsQuirks() {
        stubToken();
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        Subscriber s;
        try (EklecticClient c = client()) {
            s = c.subscription("23939206");
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/API/subscription/23939206"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(s.id()).isEqualTo("23939206");
        assertThat(s.msisdn()).isEqualTo(Msisdn.of("12345678"));
        assertThat(s.freePeriodStart()).isNull();      // 0000-00-00 00:00:00
        assertThat(s.freePeriodEnd()).isNull();
        assertThat(s.subscribedAt()).isNull();
        assertThat(s.unsubscribedAt()).isNull();       // null
        assertThat(s.firstBillingAttempt()).isNull();
        assertThat(s.lastBillingAttempt()).isNull();
        assertThat(s.firstSuccessfulBilling()).isNull();
        assertThat(s.lastSuccessfulBilling()).isNull();
        assertThat(s.successfulBillings()).isZero();   // "0"
        assertThat(s.simChurn()).isZero();
        assertThat(s.simChurnAt()).isNull();
        assertThat(s.simChurnRevertedAt()).isNull();
        assertThat(s.createdAt()).isEqualTo(Instant.parse("2022-02-10T21:46:07Z"));
        assertThat(s.lastStatusUpdate()).isEqualTo(Instant.parse("2022-02-10T21:46:07Z"));
        assertThat(s.serviceId()).isEqualTo("14");
        assertThat(s.offer()).isEqualTo(OfferId.of("123"));
        assertThat(s.status()).isEqualTo(1);           // "1"
        assertThat(s.state()).isEqualTo(SubscriptionState.SUSPENDED);
        assertThat(s.rawState()).isEqualTo("SUSPENDED");
        assertThat(s.expiresAt()).isEqualTo(Instant.parse("2022-02-16T21:46:07Z"));
    }

    @Test
    void theOfferIdIsReadUnderEachOfItsNamesAndAnIsoExpireDateIsAccepted() {
        stubToken();
        wm.stubFor(get("/API/subscription/1").willReturn(json(
                "{\"user\":{\"id\":1,\"offreid\":77,\"state\":\"active\",\"expire_date\":\"2022-02-16T22:46:07+01:00\"}}")));
        wm.stubFor(get("/API/subscription/2").willReturn(json(
                "{\"user\":{\"id\":\"2\",\"offreId\":\"78\",\"state\":\"TERMINATED_BY_OPERATOR\"}}")));
        try (EklecticClient c = client()) {
            Subscriber one = c.subscription("1");
            assertThat(one.offer()).isEqualTo(OfferId.of(77));
            assertThat(one.state()).isEqualTo(SubscriptionState.ACTIVE);
            assertThat(one.rawState()).isEqualTo("active");
            assertThat(one.expiresAt()).isEqualTo(Instant.parse("2022-02-16T21:46:07Z"));
            assertThat(one.msisdn()).isNull();
            Subscriber two = c.subscription("2");
            assertThat(two.offer()).isEqualTo(OfferId.of(78));
            assertThat(two.state()).isEqualTo(SubscriptionState.UNKNOWN);
            assertThat(two.rawState()).isEqualTo("TERMINATED_BY_OPERATOR");
        }
    }

    @Test
    void aMalformedDateOrNumberIsAProtocolErrorNamingTheField() {
        stubToken();
        wm.stubFor(get("/API/subscription/1").willReturn(json(
                "{\"user\":{\"id\":\"1\",\"expire_date\":\"next tuesday\"}}")));
        wm.stubFor(get("/API/subscription/2").willReturn(json(
                "{\"user\":{\"id\":\"2\",\"success_billing\":\"many\"}}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.subscription("1")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'expire_date'");
            assertThatThrownBy(() -> c.subscription("2")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'success_billing'");
        }
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        stubToken();
        wm.stubFor(get("/API/subscription/999").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Subscription not found\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.subscription("999"))
                    .isInstanceOf(NotFoundException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.httpStatus()).hasValue(404);
                        assertThat(d.operation()).isEqualTo("subscription");
                        assertThat(d.providerMessage()).hasValue("Subscription not found");
                        assertThat(d.isRetryable()).isFalse();
                    });
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo("/API/subscription/999")));
    }

    @Test
    void a5xxOnAReadIsRetriedThenProviderUnavailable() {
        stubToken();
        wm.stubFor(get("/API/subscription/1").willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad Gateway</body></html>")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.subscription("1"))
                    .isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.httpStatus()).hasValue(502);
                        assertThat(d.isRetryable()).isTrue();
                        assertThat(d.providerMessage()).isEmpty();
                    });
        }
        wm.verify(3, getRequestedFor(urlPathEqualTo("/API/subscription/1")));
    }

    @Test
    void anHtmlOrGarbageSuccessAnswerIsAProtocolError() {
        stubToken();
        wm.stubFor(get("/API/subscription/1").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));
        wm.stubFor(post("/API/subscription/otp").willReturn(aResponse().withStatus(200).withBody("\u0000\u0001garbage")));
        wm.stubFor(post("/API/subscription/find").willReturn(json("[1,2,3]")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.subscription("1")).isInstanceOf(DcbProtocolException.class)
                    .satisfies(e -> assertThat(((DcbException) e).httpStatus()).hasValue(200));
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER)).isInstanceOf(DcbProtocolException.class);
            assertThatThrownBy(() -> c.findSubscription(MSISDN, OFFER)).isInstanceOf(DcbProtocolException.class);
        }
    }

    @Test
    void a400WithAnErrorBodyIsAnInvalidRequestWithTheProvidersCodeAndMessage() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_offer\",\"message\":\"Offer 123 unknown for 21612345678\"}")));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.providerCode()).hasValue("invalid_offer");
                        assertThat(d.providerMessage()).get().asString()
                                .contains("Offer 123 unknown").doesNotContain("21612345678");
                    });
        }
    }

    @Test
    void alreadySubscribedIsANonRetryableConflict() {
        stubToken();
        wm.stubFor(post("/API/subscription/otp").willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"already_subscribed\",\"message\":\"Subscriber already subscribed\"}")));
        wm.stubFor(post("/API/subscription/find").willReturn(aResponse().withStatus(409)));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.sendPin(MSISDN, OFFER))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> {
                        DcbException d = (DcbException) e;
                        assertThat(d.isRetryable()).isFalse();
                        assertThat(d.providerCode()).hasValue("already_subscribed");
                        assertThat(d.httpStatus()).hasValue(409);
                    });
            assertThatThrownBy(() -> c.findSubscription(MSISDN, OFFER))
                    .isInstanceOf(ConflictException.class)
                    .satisfies(e -> assertThat(((DcbException) e).isRetryable()).isTrue());
        }
    }

    // ------------------------------------------------------------------ unsubscribe

    @Test
    void unsubscribeDeletesTheSubscription() {
        stubToken();
        wm.stubFor(delete("/API/subscription/23939206").willReturn(aResponse().withStatus(200)));
        try (EklecticClient c = client()) {
            assertThat(c.unsubscribe("23939206").subscriptionId()).isEqualTo("23939206");
        }
        wm.verify(1, deleteRequestedFor(urlEqualTo("/API/subscription/23939206"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void unsubscribingAnUnknownIdIsNotFound() {
        stubToken();
        wm.stubFor(delete("/API/subscription/5").willReturn(aResponse().withStatus(404)));
        try (EklecticClient c = client()) {
            assertThatThrownBy(() -> c.unsubscribe("5")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void subscriptionIdsAreEncodedAsOnePathSegment() {
        stubToken();
        wm.stubFor(delete(urlEqualTo("/API/subscription/a%20b%3F")).willReturn(aResponse().withStatus(204)));
        try (EklecticClient c = client()) {
            assertThat(c.unsubscribe("a b?").subscriptionId()).isEqualTo("a b?");
        }
        // an id with '/' is refused instead (PathSegmentTest): a server that decodes %2F would see two segments
        wm.verify(1, deleteRequestedFor(urlEqualTo("/API/subscription/a%20b%3F")));
    }

    // ------------------------------------------------------------------ builder

    @Test
    void theBuilderNamesAMissingCredential() {
        assertThatThrownBy(() -> EklecticClient.builder().clientSecret(CLIENT_SECRET).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("client-id");
        assertThatThrownBy(() -> EklecticClient.builder().clientId(CLIENT_ID).clientSecret("  ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("client-secret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CLIENT_ID));
    }

    @Test
    void theBuilderRefusesHttpUnlessAllowedAndDefaultsToTheDocumentedUrl() {
        assertThatThrownBy(() -> EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .baseUrl("http://payment.eklectic.tn/API").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("base-url");
        assertThatThrownBy(() -> EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .baseUrl("not a url").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("base-url");
        try (EklecticClient c = EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).build()) {
            assertThat(c.baseUrl()).isEqualTo("https://payment.eklectic.tn/API");
            assertThat(c.zone()).isEqualTo(ZoneId.of("Africa/Tunis"));
            assertThat(c.toString()).doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID);
        }
        try (EklecticClient c = EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET).options(null)
                .build()) {
            assertThat(c.baseUrl()).as("options(null) means the defaults").isEqualTo("https://payment.eklectic.tn/API");
        }
    }

    @Test
    void theSharedBuilderSettingsReachTheWireAndTheShortcutsWinOverTheOptions() {
        stubToken();
        wm.stubFor(get("/API/subscription/7").willReturn(aResponse().withStatus(503)));
        // the retry policy is set before the options (which allow 3 attempts): the shortcut still wins
        try (EklecticClient c = EklecticClient.builder().clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
                .extraHeader("X-Partner", "shop-1")
                .baseUrl(baseUrl()).options(fastOptions().build()).build()) {
            assertThatThrownBy(() -> c.subscription("7")).isInstanceOf(ProviderUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("shop-1"));
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/API/subscription/7")).withHeader("X-Partner", equalTo("shop-1")));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")).withHeader("X-Partner", equalTo("shop-1")));
    }
}
