package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.dcb4j.b2maoc.model.CancellationResult;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.core.Capability;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B2mAocClientTest extends WireMockSupport {

    static final Msisdn SUBSCRIBER = Msisdn.of("8801812345678");

    // ------------------------------------------------------------------ getToken

    @Test
    void requestChargeWithGetPutsKeywordAndMsisdnInThePathAndReadsTheToken() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(json("get-token.json")));

        ChargeToken token = client.requestCharge("GAMES", SUBSCRIBER);

        assertThat(token.aocTransId()).isEqualTo(aoc("AOC5f2b9c7e01"));
        assertThat(token.spTransId()).isEqualTo(sp("SP20240303000001"));
        assertThat(token.redirectUrl()).isEqualTo("https://rd.b2mwap.com/api/redirect/AOC5f2b9c7e01");
        assertThat(token.consentUrl()).isEqualTo("https://rd.b2mwap.com/api/redirect/AOC5f2b9c7e01");
        assertThat(token.keyword()).isEqualTo("GAMES");
        assertThat(token.msisdn()).isEqualTo(SUBSCRIBER);
        assertThat(token.message()).isEqualTo("Token generated successfully");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", matching("dcb4j/.+"))
                .withHeader("Content-Type", absent()));
        LoggedRequest sent = wm.getAllServeEvents().get(0).getRequest();
        assertThat(sent.getBodyAsString()).isEmpty();
        assertThat(sent.getUrl()).doesNotContain("?");
    }

    @Test
    void requestChargeWithPostFormSendsKeywordAndMsisdnAsFormFields() {
        wm.stubFor(post("/api/getToken").willReturn(json("get-token.json")));
        try (B2mAocClient c = builder().tokenRequestMethod(TokenRequestMethod.POST_FORM).build()) {
            ChargeToken token = c.requestCharge("GAMES", SUBSCRIBER);
            assertThat(token.aocTransId()).isEqualTo(aoc("AOC5f2b9c7e01"));
            assertThat(token.spTransId()).isEqualTo(sp("SP20240303000001"));
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/api/getToken"))
                .withHeader("Content-Type", matching("application/x-www-form-urlencoded.*"))
                .withRequestBody(equalTo("keyword=GAMES&msisdn=8801812345678")));
    }

    @Test
    void requestChargeWithPostJsonSendsAJsonBody() {
        wm.stubFor(post("/api/getToken").willReturn(json("get-token.json")));
        ChargeToken token = client.requestCharge("GAMES", SUBSCRIBER, TokenRequestMethod.POST_JSON);
        assertThat(token.aocTransId()).isEqualTo(aoc("AOC5f2b9c7e01"));
        wm.verify(1, postRequestedFor(urlEqualTo("/api/getToken"))
                .withHeader("Content-Type", matching("application/json.*"))
                .withRequestBody(equalToJson("{\"keyword\":\"GAMES\",\"msisdn\":\"8801812345678\"}")));
    }

    @Test
    void msisdnIsSentAs8801WhateverTheInputForm() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(json("get-token.json")));
        client.requestCharge("GAMES", Msisdn.of("+880 1812-345678"));
        client.requestCharge("GAMES", Msisdn.of("01812345678"));
        client.requestCharge("GAMES", Msisdn.of("008801812345678"));
        wm.verify(3, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678")));
    }

    @Test
    void aKeywordWithSpacesIsPathEncoded() {
        wm.stubFor(get("/api/getToken/MY%20GAME/8801812345678").willReturn(json("get-token.json")));
        assertThat(client.requestCharge("MY GAME", SUBSCRIBER).keyword()).isEqualTo("MY GAME");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/MY%20GAME/8801812345678")));
    }

    @Test
    void aSuccessEnvelopeWithoutAocTransIdIsAnUpstreamFailureAndNotRetried() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(json("get-token-null-aoc.json")));
        assertThatThrownBy(() -> client.requestCharge("GAMES", SUBSCRIBER))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.operation()).isEqualTo("getToken");
                    assertThat(e.httpStatus()).hasValue(200);
                    assertThat(e.providerMessage()).hasValue("Token generated successfully");
                    assertThat(e.getMessage()).contains("without an aocTransID");
                });
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678")));
    }

    @Test
    void withoutARedirectUrlTheConsentUrlIsBuiltFromTheBase() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(answer(200,
                "{\"status\":true,\"errors\":false,\"message\":\"ok\",\"data\":{\"aocTransID\":\"A1\",\"spTransID\":\"S1\"}}")));
        ChargeToken token = client.requestCharge("GAMES", SUBSCRIBER);
        assertThat(token.redirectUrl()).isNull();
        assertThat(token.consentUrl()).isEqualTo(wm.baseUrl() + "/api/redirect/A1");
    }

    @Test
    void getTokenIsNotRepeatedOnceItReachedTheGateway() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.requestCharge("GAMES", SUBSCRIBER))
                .isInstanceOf(ProviderUnavailableException.class);
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678")));

        wm.resetAll();
        wm.stubFor(get("/api/getToken/GAMES/8801812345678")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client.requestCharge("GAMES", SUBSCRIBER))
                .isInstanceOf(DcbTransportException.class)
                .hasMessageContaining("not retried");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678")));
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyCall() {
        assertThatThrownBy(() -> client.requestCharge(" ", SUBSCRIBER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.chargeStatus(aoc(""))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.cancelSubscription(sp(null), SUBSCRIBER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), null)).isInstanceOf(NullPointerException.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    // ------------------------------------------------------------------ consent and return URLs

    @Test
    void consentUrlIsTheRedirectEndpointOfTheBase() {
        assertThat(client.consentUrl(aoc("AOC5f2b9c7e01"))).isEqualTo(wm.baseUrl() + "/api/redirect/AOC5f2b9c7e01");
        assertThat(client.consentUrl(aoc("a b?"))).isEqualTo(wm.baseUrl() + "/api/redirect/a%20b%3F");
        try (B2mAocClient prod = B2mAocClient.builder().build()) {
            assertThat(prod.baseUrl()).isEqualTo("https://rd.b2mwap.com");
            assertThat(prod.consentUrl(aoc("X1"))).isEqualTo("https://rd.b2mwap.com/api/redirect/X1");
        }
    }

    @Test
    void theReturnUrlHelperReadsTheAocTransIdBack() {
        assertThat(B2mAocClient.aocTransIdFromReturnUrl("https://shop.example/aoc/return?aocTransID=AOC5f2b9c7e01"))
                .hasValue(aoc("AOC5f2b9c7e01"));
        assertThat(B2mAocClient.aocTransIdFromReturnUrl("/return?lang=bn&aoctransid=A%2B1&x=2")).hasValue(aoc("A+1"));
        assertThat(B2mAocClient.aocTransIdFromReturnUrl("https://shop.example/r?order=7?aocTransID=Z9#top"))
                .hasValue(aoc("Z9"));
        assertThat(B2mAocClient.aocTransIdFromReturnUrl("https://shop.example/r?aocTransID=")).isEmpty();
        assertThat(B2mAocClient.aocTransIdFromReturnUrl("https://shop.example/r?xaocTransID=1")).isEmpty();
        assertThat(B2mAocClient.aocTransIdFromReturnUrl(null)).isEmpty();
    }

    // ------------------------------------------------------------------ chargeStatus

    @Test
    void chargeStatusReadsEveryFieldOfTheDocumentsAnswer() {
        wm.stubFor(get("/api/chargeStatus/AOC5f2b9c7e01").willReturn(json("charge-status.json")));

        ChargeStatus s = client.chargeStatus(aoc("AOC5f2b9c7e01"));

        assertThat(s.aocTransId()).isEqualTo(aoc("AOC5f2b9c7e01"));
        assertThat(s.status()).isEqualTo(TransactionOperationStatus.CHARGED);
        assertThat(s.rawStatus()).isEqualTo("Charged");
        assertThat(s.totalAmountCharged()).isEqualByComparingTo("10.00");
        assertThat(s.totalAmountCharged().scale()).isEqualTo(2);
        assertThat(s.currency()).isEqualTo(Currency.getInstance("BDT"));
        assertThat(s.totalCharged()).hasValue(Money.of("10.00", "BDT"));
        assertThat(s.msisdn()).isEqualTo(Msisdn.of("60191234567"));
        assertThat(s.chargeMode()).isEqualTo("standard");
        assertThat(s.clientCorrelator()).isEqualTo("12345678901234567");
        assertThat(s.errorCode()).isEqualTo("00");
        assertThat(s.errorMessage()).isNull();
        assertThat(s.message()).isEqualTo("Charge status");
        assertThat(s.knownErrorCode()).isEmpty();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/chargeStatus/AOC5f2b9c7e01"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "Charged, CHARGED, SUCCEEDED",
        "charged, CHARGED, SUCCEEDED",
        "CHARGED, CHARGED, SUCCEEDED",
        "Denied, DENIED, DENIED",
        "DENIED, DENIED, DENIED",
        "Processing, PROCESSING, PROCESSING",
        "processing, PROCESSING, PROCESSING",
        "pending_consent, PENDING_CONSENT, PENDING_VALIDATION",
        "Pending_Consent, PENDING_CONSENT, PENDING_VALIDATION",
        "PENDING_CONSENT, PENDING_CONSENT, PENDING_VALIDATION",
        "pendingConsent, PENDING_CONSENT, PENDING_VALIDATION",
        "pending_topup, PENDING_TOPUP, PENDING_VALIDATION",
        "Pending_TopUp, PENDING_TOPUP, PENDING_VALIDATION",
        "pending_step_down, PENDING_STEP_DOWN, PROCESSING",
        "PENDING_STEP_DOWN, PENDING_STEP_DOWN, PROCESSING",
        "Refunded, UNKNOWN, UNKNOWN"
    })
    void everyStatusValueInAnyCasingMapsToItsStates(String raw, TransactionOperationStatus typed, ChargeState neutral) {
        wm.stubFor(get("/api/chargeStatus/T1").willReturn(answer(200, "{\"status\":true,\"errors\":false,"
                + "\"message\":\"Charge status\",\"data\":{\"transactionOperationStatus\":\"" + raw
                + "\",\"errorCode\":\"00\",\"errorMessage\":\"\"}}")));

        ChargeStatus s = client.chargeStatus(aoc("T1"));
        assertThat(s.status()).isEqualTo(typed);
        assertThat(s.rawStatus()).isEqualTo(raw);
        assertThat(s.totalAmountCharged()).isNull();

        ChargeResult r = client.charges().orElseThrow().status(ChargeRef.of("T1"));
        assertThat(r.state()).isEqualTo(neutral);
        assertThat(r.rawState()).isEqualTo(raw);
        assertThat(r.amount()).isNull();
        assertThat(r.failureReason()).isEqualTo(neutral == ChargeState.DENIED ? FailureReason.DENIED : null);
        if (typed == TransactionOperationStatus.PENDING_CONSENT) {
            assertThat(r.nextAction()).isEqualTo(new NextAction.Redirect(wm.baseUrl() + "/api/redirect/T1", null, null));
        } else {
            assertThat(r.nextAction().type()).isEqualTo(NextAction.Type.NONE);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AOC1007, INSUFFICIENT_FUNDS",
        "AOC1006, BARRED",
        "AOC1004, DENIED",
        "AOC1012, DENIED",
        "AOC1016, SPEND_LIMIT",
        "AOC1017, SPEND_LIMIT",
        "AOC1009, BILLING_FAILED",
        "AOC1019, OTHER",
        "AOC7777, OTHER"
    })
    void aDeniedChargeKeepsItsErrorCodeAndMapsTheFailureReason(String code, FailureReason reason) {
        wm.stubFor(get("/api/chargeStatus/T2").willReturn(answer(203, "{\"status\":false,\"errors\":true,"
                + "\"message\":\"Charge status\",\"data\":{\"transactionOperationStatus\":\"Denied\","
                + "\"totalAmountCharged\":\"0.00\",\"msisdn\":\"8801812345678\",\"errorCode\":\"" + code
                + "\",\"errorMessage\":\"refused\"}}")));

        ChargeStatus s = client.chargeStatus(aoc("T2"));
        assertThat(s.status()).isEqualTo(TransactionOperationStatus.DENIED);
        assertThat(s.errorCode()).isEqualTo(code);
        assertThat(s.errorMessage()).isEqualTo("refused");
        assertThat(s.msisdn()).isEqualTo(SUBSCRIBER);

        ChargeResult r = client.charges().orElseThrow().status(ChargeRef.of("T2"));
        assertThat(r.state()).isEqualTo(ChargeState.DENIED);
        assertThat(r.failureReason()).isEqualTo(reason);
        assertThat(r.amount()).isEqualTo(Money.of("0.00", "BDT"));
        assertThat(r.details()).containsEntry("errorCode", code).containsEntry("errorMessage", "refused");
    }

    @Test
    void chargeStatusIsRetriedAfterA503() {
        wm.stubFor(get("/api/chargeStatus/T3").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get("/api/chargeStatus/T3").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json("charge-status.json")));
        assertThat(client.chargeStatus(aoc("T3")).status()).isEqualTo(TransactionOperationStatus.CHARGED);
        wm.verify(2, getRequestedFor(urlEqualTo("/api/chargeStatus/T3")));
    }

    // ------------------------------------------------------------------ subscriptions

    @Test
    void cancelSubscriptionCallsThePathWithSpTransIdAndMsisdn() {
        wm.stubFor(get("/api/cancelSubscription/SP20240303000001/8801812345678")
                .willReturn(json("cancel-subscription.json")));

        CancellationResult r = client.cancelSubscription(sp("SP20240303000001"), SUBSCRIBER);

        assertThat(r.spTransId()).isEqualTo(sp("SP20240303000001"));
        assertThat(r.msisdn()).isEqualTo(SUBSCRIBER);
        assertThat(r.message()).isEqualTo("Subscription cancelled Successfully");
        assertThat(r.errorCode()).isEqualTo("00");
        assertThat(r.errorMessage()).isNull();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/cancelSubscription/SP20240303000001/8801812345678"))
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void cancelIsNotRepeatedOnceItReachedTheGateway() {
        wm.stubFor(get("/api/cancelSubscription/SP1/8801812345678").willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> client.cancelSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(ProviderUnavailableException.class);
        wm.verify(1, getRequestedFor(urlEqualTo("/api/cancelSubscription/SP1/8801812345678")));
    }

    @Test
    void subscriptionStatusReadsEveryFieldOfTheDocumentsAnswer() {
        wm.stubFor(get("/api/subscriptionStatus/SP20240303000001/8801812345678")
                .willReturn(json("subscription-status.json")));

        SubscriptionStatus s = client.subscriptionStatus(sp("SP20240303000001"), SUBSCRIBER);

        assertThat(s.spTransId()).isEqualTo(sp("SP20240303000001"));
        assertThat(s.subscriptionId()).isEqualTo("s00001");
        assertThat(s.subscriptionName()).isEqualTo("100");
        assertThat(s.rawStatus()).isEqualTo("unsubscribed");
        assertThat(s.state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(s.msisdn()).isEqualTo(Msisdn.of("60109226185"));
        assertThat(s.expiryDate()).isEqualTo(LocalDate.of(2018, 5, 30));
        assertThat(s.rawExpiryDate()).isEqualTo("30-05-2018");
        assertThat(s.errorCode()).isEqualTo("00");
        assertThat(s.errorMessage()).isNull();
        assertThat(s.message()).isEqualTo("Charge status");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/subscriptionStatus/SP20240303000001/8801812345678")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "subscribed, ACTIVE", "Active, ACTIVE", "RENEWED, ACTIVE", "unsubscribed, CANCELLED",
        "Cancelled, CANCELLED", "expired, EXPIRED", "suspended, SUSPENDED", "pending, PENDING",
        "pending_charge, PENDING", "limbo, UNKNOWN"
    })
    void subscriptionStatusValuesMapToNeutralStates(String raw, SubscriptionState state) {
        assertThat(SubscriptionStatus.stateOf(raw)).isEqualTo(state);
    }

    @Test
    void msisdnInAnswersParsesTheSameWithOrWithoutPlus() {
        wm.stubFor(get("/api/subscriptionStatus/A/8801812345678").willReturn(answer(200,
                "{\"status\":true,\"errors\":false,\"data\":{\"status\":\"subscribed\",\"msisdn\":\"+8801812345678\","
                        + "\"expiryDate\":\"1-6-2024\",\"errorCode\":\"00\"}}")));
        wm.stubFor(get("/api/subscriptionStatus/B/8801812345678").willReturn(answer(200,
                "{\"status\":true,\"errors\":false,\"data\":{\"status\":\"subscribed\",\"msisdn\":\"8801812345678\","
                        + "\"expiryDate\":\"01/06/2024\",\"errorCode\":\"00\"}}")));
        SubscriptionStatus a = client.subscriptionStatus(sp("A"), SUBSCRIBER);
        SubscriptionStatus b = client.subscriptionStatus(sp("B"), SUBSCRIBER);
        assertThat(a.msisdn()).isEqualTo(b.msisdn()).isEqualTo(SUBSCRIBER);
        assertThat(a.expiryDate()).isEqualTo(b.expiryDate()).isEqualTo(LocalDate.of(2024, 6, 1));
        assertThat(b.rawExpiryDate()).isEqualTo("01/06/2024");
    }

    @Test
    void renewWithTheDocumentsFirstAnswerIsRenewedWithoutANewId() {
        wm.stubFor(get("/api/renewSubscription/SP20240303000001/8801812345678").willReturn(json("renew-renewed.json")));

        RenewalResult r = client.renewSubscription(sp("SP20240303000001"), SUBSCRIBER);

        assertThat(r.outcome()).isEqualTo(RenewResult.Outcome.RENEWED);
        assertThat(r.previousSpTransId()).isEqualTo(sp("SP20240303000001"));
        assertThat(r.newSpTransId()).isNull();
        assertThat(r.currentSpTransId()).isEqualTo(sp("SP20240303000001"));
        assertThat(r.spTransIdChanged()).isFalse();
        assertThat(r.aocTransId()).isEqualTo(aoc("TR000000123"));
        assertThat(r.status()).isEqualTo(TransactionOperationStatus.CHARGED);
        assertThat(r.rawStatus()).isEqualTo("Charged");
        assertThat(r.chargeMode()).isEqualTo("standard");
        assertThat(r.totalAmountCharged()).isEqualByComparingTo("3.00");
        assertThat(r.totalCharged()).hasValue(Money.of("3.00", "BDT"));
        assertThat(r.subscriptionId()).isNull();
        assertThat(r.msisdn()).isEqualTo(SUBSCRIBER);
        assertThat(r.message()).isEqualTo("Subscription Renewed Successfully");
        assertThat(r.errorCode()).isEqualTo("00");
        assertThat(r.errorMessage()).isNull();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/renewSubscription/SP20240303000001/8801812345678")));
    }

    @Test
    void renewRotatesTheSpTransIdAndLaterCallsUseTheNewOne() {
        wm.stubFor(get("/api/renewSubscription/SP20240303000001/8801812345678")
                .willReturn(json("renew-renewed-new-id.json")));
        wm.stubFor(get("/api/cancelSubscription/SP20240403000777/8801812345678")
                .willReturn(json("cancel-subscription.json")));
        SubscriptionRef ref = SubscriptionRef.of("SP20240303000001", SUBSCRIBER);

        RenewResult renewed = client.renewals().orElseThrow().renew(ref);

        assertThat(renewed.outcome()).isEqualTo(RenewResult.Outcome.RENEWED);
        assertThat(renewed.previous()).isEqualTo(ref);
        assertThat(renewed.current()).isEqualTo(SubscriptionRef.of("SP20240403000777", SUBSCRIBER));
        assertThat(renewed.chargeState()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(renewed.charged()).isEqualTo(Money.of("3.00", "BDT"));
        assertThat(renewed.rawState()).isEqualTo("Charged");
        assertThat(renewed.details()).containsEntry("aocTransID", "TR000000124").containsEntry("chargeMode", "standard");

        CancelResult cancelled = client.cancellations().orElseThrow().cancel(renewed.current());
        assertThat(cancelled.subscription().id()).isEqualTo("SP20240403000777");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/cancelSubscription/SP20240403000777/8801812345678")));
        wm.verify(0, getRequestedFor(urlEqualTo("/api/cancelSubscription/SP20240303000001/8801812345678")));
    }

    @Test
    void alreadyRenewedIsADistinctOutcomeEvenWithTheDocumentsMaskedValues() {
        wm.stubFor(get("/api/renewSubscription/SP1/8801812345678").willReturn(json("renew-already.json")));

        RenewalResult r = client.renewSubscription(sp("SP1"), SUBSCRIBER);

        assertThat(r.outcome()).isEqualTo(RenewResult.Outcome.ALREADY_RENEWED);
        assertThat(r.newSpTransId()).isEqualTo(sp("*****"));
        assertThat(r.subscriptionId()).isEqualTo("B2M*****");
        assertThat(r.msisdn()).as("masked answer falls back to the asked MSISDN").isEqualTo(SUBSCRIBER);
        assertThat(r.status()).isEqualTo(TransactionOperationStatus.UNKNOWN);
        assertThat(r.aocTransId()).isNull();
        assertThat(r.totalAmountCharged()).isNull();
        assertThat(r.message()).isEqualTo("Subscription already renewed. Please try again later.");
    }

    @Test
    void alreadyRenewedWithPaddedKeysHandsBackTheCurrentId() {
        wm.stubFor(get("/api/renewSubscription/SP20240303000001/8801812345678")
                .willReturn(json("renew-already-concrete.json")));

        RenewalResult typed = client.renewSubscription(sp("SP20240303000001"), SUBSCRIBER);
        assertThat(typed.outcome()).isEqualTo(RenewResult.Outcome.ALREADY_RENEWED);
        assertThat(typed.newSpTransId()).isEqualTo(sp("SP20240403000777"));
        assertThat(typed.currentSpTransId()).isEqualTo(sp("SP20240403000777"));
        assertThat(typed.spTransIdChanged()).isTrue();
        assertThat(typed.subscriptionId()).isEqualTo("B2M000123");
        assertThat(typed.msisdn()).isEqualTo(SUBSCRIBER);

        RenewResult neutral = client.renewals().orElseThrow()
                .renew(SubscriptionRef.of("SP20240303000001", SUBSCRIBER));
        assertThat(neutral.outcome()).isEqualTo(RenewResult.Outcome.ALREADY_RENEWED);
        assertThat(neutral.current().id()).isEqualTo("SP20240403000777");
        assertThat(neutral.chargeState()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(neutral.charged()).isNull();
        assertThat(neutral.details()).containsEntry("subscriptionID", "B2M000123");
    }

    @Test
    void renewIsNeverRepeatedBecauseARepeatWouldChargeAgain() {
        wm.stubFor(get("/api/renewSubscription/SP1/8801812345678").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(ProviderUnavailableException.class);
        wm.verify(1, getRequestedFor(urlEqualTo("/api/renewSubscription/SP1/8801812345678")));

        wm.resetAll();
        wm.stubFor(get("/api/renewSubscription/SP1/8801812345678")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOf(DcbTransportException.class);
        wm.verify(1, getRequestedFor(urlEqualTo("/api/renewSubscription/SP1/8801812345678")));
    }

    @Test
    void renewOfACancelledSubscriptionIsAConflict() {
        wm.stubFor(get("/api/renewSubscription/SP1/8801812345678").willReturn(answer(200,
                "{\"status\":true,\"errors\":false,\"message\":\"Subscription already cancelled\",\"data\":{}}")));
        assertThatThrownBy(() -> client.renewSubscription(sp("SP1"), SUBSCRIBER))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.isRetryable()).isFalse();
                    assertThat(e.providerMessage()).hasValue("Subscription already cancelled");
                });
    }

    // ------------------------------------------------------------------ neutral API

    @Test
    void capabilitiesAndAccessorsAreExactlyThoseOfTheGateway() {
        assertThat(client.id()).isEqualTo("b2m-aoc");
        assertThat(client.capabilities()).containsExactlyInAnyOrder(Capability.ONE_OFF_CHARGE,
                Capability.CHARGE_STATUS, Capability.SUBSCRIPTION_STATUS, Capability.CANCEL, Capability.RENEW,
                Capability.NOTIFICATIONS);
        assertThat(client.supports(Capability.PIN_SUBSCRIPTION)).isFalse();
        assertThat(client.pinSubscriptions()).isEmpty();
        assertThat(client.charges()).isPresent();
        assertThat(client.subscriptions()).isPresent();
        assertThat(client.cancellations()).isPresent();
        assertThat(client.renewals()).isPresent();
        assertThat(client.notifications()).containsSame(client.notificationParser());
    }

    @Test
    void neutralChargeRedirectsToTheConsentPageAndNamesTheSubscription() {
        wm.stubFor(get("/api/getToken/GAMES/8801812345678").willReturn(json("get-token.json")));
        ChargeRequest request = ChargeRequest.builder(Money.of("10.00", "BDT")).msisdn(SUBSCRIBER)
                .offer(OfferId.of("GAMES")).returnUrl("https://shop.example/aoc/return").build();

        ChargeResult r = client.charges().orElseThrow().charge(request);

        assertThat(r.charge()).isEqualTo(ChargeRef.of("AOC5f2b9c7e01"));
        assertThat(r.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
        assertThat(r.rawState()).isNull();
        assertThat(r.amount()).isNull();
        assertThat(r.failureReason()).isNull();
        assertThat(r.nextAction()).isEqualTo(new NextAction.Redirect(
                "https://rd.b2mwap.com/api/redirect/AOC5f2b9c7e01", "https://shop.example/aoc/return", null));
        assertThat(r.subscription()).isEqualTo(new SubscriptionRef("SP20240303000001", SUBSCRIBER, OfferId.of("GAMES")));
        assertThat(r.details()).containsEntry("spTransID", "SP20240303000001").containsEntry("keyword", "GAMES")
                .containsEntry("message", "Token generated successfully");
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/GAMES/8801812345678")));
    }

    @Test
    void neutralChargeTakesTheKeywordFromParamsWhenNoOfferIsGiven() {
        wm.stubFor(get("/api/getToken/NEWS/8801812345678").willReturn(json("get-token.json")));
        ChargeRequest request = ChargeRequest.builder(Money.of("2", "BDT")).msisdn(SUBSCRIBER)
                .param("keyword", "NEWS").build();
        assertThat(client.charges().orElseThrow().charge(request).subscription().offer()).isNull();
        wm.verify(1, getRequestedFor(urlEqualTo("/api/getToken/NEWS/8801812345678")));
    }

    @Test
    void neutralCallsWithoutWhatTheGatewayNeedsAreRejected() {
        assertThatThrownBy(() -> client.charges().orElseThrow()
                .charge(ChargeRequest.builder(Money.of("1", "BDT")).msisdn(SUBSCRIBER).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keyword");
        assertThatThrownBy(() -> client.charges().orElseThrow()
                .charge(ChargeRequest.builder(Money.of("1", "BDT")).offer(OfferId.of("GAMES")).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MSISDN");
        assertThatThrownBy(() -> client.subscriptions().orElseThrow().status(SubscriptionRef.of("SP1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.cancellations().orElseThrow()
                .cancel(SubscriptionRef.of(SUBSCRIBER, OfferId.of("GAMES"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void neutralStatusAndCancelMapTheAnswers() {
        wm.stubFor(get("/api/chargeStatus/AOC5f2b9c7e01").willReturn(json("charge-status.json")));
        wm.stubFor(get("/api/subscriptionStatus/SP1/8801812345678").willReturn(json("subscription-status.json")));
        wm.stubFor(get("/api/cancelSubscription/SP1/8801812345678").willReturn(json("cancel-subscription.json")));
        SubscriptionRef ref = SubscriptionRef.of("SP1", SUBSCRIBER);

        ChargeResult charge = client.charges().orElseThrow().status(ChargeRef.of("AOC5f2b9c7e01"));
        assertThat(charge.state()).isEqualTo(ChargeState.SUCCEEDED);
        assertThat(charge.rawState()).isEqualTo("Charged");
        assertThat(charge.amount()).isEqualTo(Money.of("10.00", "BDT"));
        assertThat(charge.failureReason()).isNull();
        assertThat(charge.subscription()).isNull();
        assertThat(charge.details()).containsEntry("chargeMode", "standard")
                .containsEntry("clientCorrelator", "12345678901234567").containsEntry("errorCode", "00")
                .doesNotContainKey("msisdn");

        SubscriptionInfo info = client.subscriptions().orElseThrow().status(ref);
        assertThat(info.subscription()).isEqualTo(ref);
        assertThat(info.state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(info.rawState()).isEqualTo("unsubscribed");
        assertThat(info.subscribedAt()).isNull();
        assertThat(info.expiresAt()).as("end of 30-05-2018 in Asia/Dhaka")
                .isEqualTo(Instant.parse("2018-05-30T18:00:00Z"));
        assertThat(info.details()).containsEntry("subscriptionID", "s00001").containsEntry("subscriptionName", "100")
                .containsEntry("expiryDate", "30-05-2018");

        CancelResult cancel = client.cancellations().orElseThrow().cancel(ref);
        assertThat(cancel.subscription()).isEqualTo(ref);
        assertThat(cancel.state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(cancel.rawState()).isEqualTo("Subscription cancelled Successfully");
        assertThat(cancel.details()).containsEntry("errorCode", "00");
    }

    @Test
    void theExpiryZoneAndCurrencyAreConfigurable() {
        wm.stubFor(get("/api/subscriptionStatus/SP1/8801812345678").willReturn(json("subscription-status.json")));
        wm.stubFor(get("/api/chargeStatus/X").willReturn(json("charge-status.json")));
        try (B2mAocClient c = builder().zone(java.time.ZoneOffset.UTC).currency(Currency.getInstance("MYR")).build()) {
            assertThat(c.subscriptions().orElseThrow().status(SubscriptionRef.of("SP1", SUBSCRIBER)).expiresAt())
                    .isEqualTo(Instant.parse("2018-05-31T00:00:00Z"));
            assertThat(c.chargeStatus(aoc("X")).totalCharged()).hasValue(Money.of(new BigDecimal("10.00"),
                    Currency.getInstance("MYR")));
        }
    }

    @Test
    void extraHeadersAreSentWithEveryCall() {
        wm.stubFor(get("/api/chargeStatus/X").willReturn(json("charge-status.json")));
        try (B2mAocClient c = builder().extraHeader("X-Partner-Key", "k-123").build()) {
            c.chargeStatus(aoc("X"));
            assertThat(c.toString()).doesNotContain("k-123");
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/api/chargeStatus/X")).withHeader("X-Partner-Key", equalTo("k-123")));
    }
}
