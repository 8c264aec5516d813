package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.dcb4j.centili.model.CancellationResult;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.Item;
import io.dcb4j.centili.model.NotificationStatus;
import io.dcb4j.centili.model.PageCustomization;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionStatus;
import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.centili.model.TransactionUpdate;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CentiliClientTest extends CentiliTestSupport {

    static StartTransactionRequest fullRequest() {
        return StartTransactionRequest.builder("svc-gold")
                .userIdentifier(new UserIdentifier("RS", "220011234567890", Msisdn.of("+381 64 1234567"), "22001",
                        "ident-77"))
                .price(new BigDecimal("1.99"))
                .wap(false)
                .clientData(new ClientData("user-42", new PageCustomization("Gold pack", "dark", "sr"), "order-1001",
                        "https://shop.example/return"))
                .param("campaign=spring")
                .build();
    }

    @Test
    void startTransactionLogsInThenPostsTheDocumentBodyWithBearerAndIdempotencyKey() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-pin.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(fullRequest());
            assertThat(s.transactionId()).isEqualTo("tx-1001");
            assertThat(s.transactionType()).isEqualTo(TransactionType.OPT_IN);
            assertThat(s.rawTransactionType()).isEqualTo("OPT_IN");
            assertThat(s.country()).isEqualTo("RS");
            assertThat(s.operator()).isEqualTo("22001");
            assertThat(s.msisdn()).isEqualTo(Msisdn.of(MSISDN));
            assertThat(s.clientData()).isEqualTo(ClientData.of("user-42", "order-1001"));
            assertThat(s.idempotencyKey()).isEqualTo("key-1");
            assertThat(s.action()).isEqualTo(
                    new TransactionAction.PinEntry("PIN", "Enter the PIN we sent you by SMS"));
            assertThat(s.nextAction()).isPresent();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("grant_type", equalTo("password"))
                .withFormParam("username", equalTo(USERNAME))
                .withFormParam("password", equalTo(PASSWORD))
                .withoutFormParam("refresh_token")
                .withHeader("Authorization", absent()));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("User-Agent", matching("dcb4j/.+"))
                .withRequestBody(equalToJson(resource("start-request.json"), false, false)));
    }

    @Test
    void aMinimalStartSendsOnlyTheServiceKeyAndTheCallersKey() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-no-action.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc-gold")
                    .idempotencyKey("order-1001-attempt-1").build());
            assertThat(s.action()).isNull();
            assertThat(s.nextAction()).isEmpty();
            assertThat(s.msisdn()).isNull();
            assertThat(s.clientData()).isNull();
            assertThat(s.idempotencyKey()).isEqualTo("order-1001-attempt-1");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Idempotency-Key", equalTo("order-1001-attempt-1"))
                .withRequestBody(equalToJson("{\"serviceKey\":\"svc-gold\"}", false, false)));
    }

    @Test
    void theDocumentsStartAnswerGivesAnMoAction() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-doc.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc").build());
            assertThat(s.transactionId()).isEqualTo("string");
            assertThat(s.transactionType()).isEqualTo(TransactionType.CHARGE);
            assertThat(s.country()).isEqualTo("string");
            assertThat(s.operator()).isEqualTo("string");
            assertThat(s.msisdn()).as("'string' is not an MSISDN").isNull();
            assertThat(s.clientData()).isEqualTo(ClientData.of("string", "string"));
            assertThat(s.action()).isEqualTo(new TransactionAction.MobileOriginated("MO", "string", "string", "string"));
            assertThat(s.action().toNextAction()).isEqualTo(new NextAction.SendSms("string", "string", "string"));
        }
    }

    @Test
    void aRedirectActionNamedOperationBecomesARedirect() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-redirect.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc").build());
            assertThat(s.action()).isEqualTo(new TransactionAction.UrlRedirect("URL_REDIRECT",
                    "https://pay.centili.com/consent/tx-2002", "https://shop.example/return", "Confirm the payment"));
            assertThat(s.action().toNextAction()).isEqualTo(new NextAction.Redirect(
                    "https://pay.centili.com/consent/tx-2002", "https://shop.example/return", "Confirm the payment"));
            assertThat(s.msisdn()).isNull();
        }
    }

    @Test
    void aSimtchaActionKeepsTheImageAndEveryAnswer() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-simtcha.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc").build());
            assertThat(s.action()).isInstanceOf(TransactionAction.Simtcha.class);
            TransactionAction.Simtcha sim = (TransactionAction.Simtcha) s.action();
            assertThat(sim.rawType()).isEqualTo("SIMTCHA");
            assertThat(sim.imageUrl()).isEqualTo("https://pay.centili.com/simtcha/q.png");
            assertThat(sim.userInstruction()).contains("Pick the picture that matches");
            assertThat(sim.answers()).containsExactly(
                    new TransactionAction.SimtchaAnswer("a1", "https://pay.centili.com/simtcha/a1.png"),
                    new TransactionAction.SimtchaAnswer("a2", "https://pay.centili.com/simtcha/a2.png"));
            NextAction.SolveCaptcha n = (NextAction.SolveCaptcha) sim.toNextAction();
            assertThat(n.imageUrl()).isEqualTo("https://pay.centili.com/simtcha/q.png");
            assertThat(n.answers()).extracting(NextAction.CaptchaAnswer::answerId).containsExactly("a1", "a2");
        }
    }

    @Test
    void anUnknownActionTypeAndTransactionTypeAreKeptRawNotFatal() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(json(200, "start-answer-unknown-action.json")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc").build());
            assertThat(s.transactionType()).isEqualTo(TransactionType.UNKNOWN);
            assertThat(s.rawTransactionType()).isEqualTo("TELEPORT");
            assertThat(s.action()).isEqualTo(
                    new TransactionAction.Unrecognised("VOICE_CALL", "Call 0800 to confirm", null, "0800", null));
            assertThat(s.action().toNextAction()).isEqualTo(new NextAction.Unknown("VOICE_CALL", "Call 0800 to confirm"));
        }
    }

    @Test
    void anActionWithoutTypeIsInferredFromItsFields() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(jsonText(200,
                "{\"transactionId\":\"t1\",\"action\":{\"urlRedirect\":\"https://pay.example/x\"}}")));
        try (CentiliClient c = client()) {
            TransactionStart s = c.startTransaction(StartTransactionRequest.builder("svc").build());
            assertThat(s.action()).isEqualTo(new TransactionAction.UrlRedirect(null, "https://pay.example/x", null, null));
        }
    }

    @Test
    void aStartAnswerWithoutTransactionIdIsAProtocolError() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(jsonText(200, "{\"transactionType\":\"CHARGE\"}")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("transactionId");
        }
    }

    @Test
    void aNonJsonAnswerIsAProtocolError() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").willReturn(aResponse().withStatus(200).withBody("<html>")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.startTransaction(StartTransactionRequest.builder("svc").build()))
                    .isInstanceOf(DcbProtocolException.class)
                    .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("startTransaction"));
        }
    }

    @Test
    void submitPinPostsThePinToTheTransaction() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/pin").willReturn(json(200, "update-answer.json")));
        try (CentiliClient c = client()) {
            TransactionUpdate u = c.submitPin("tx-1001", "4321");
            assertThat(u.transactionId()).isEqualTo("tx-1001");
            assertThat(u.clientData()).isEqualTo(ClientData.of("user-42", "order-1001"));
            assertThat(u.idempotencyKey()).isEqualTo("key-1");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/pin"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Idempotency-Key", equalTo("key-1"))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(equalToJson("{\"pin\":\"4321\"}", false, false)));
    }

    @Test
    void submitPinWithTheCallersKeyAndTheDocumentsAnswer() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/string/pin").willReturn(json(200, "update-answer-doc.json")));
        try (CentiliClient c = client()) {
            TransactionUpdate u = c.submitPin("string", "0000", "pin-key-7");
            assertThat(u.transactionId()).isEqualTo("string");
            assertThat(u.clientData()).isEqualTo(ClientData.of("string", "string"));
            assertThat(u.idempotencyKey()).isEqualTo("pin-key-7");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/string/pin"))
                .withHeader("Idempotency-Key", equalTo("pin-key-7")));
    }

    @Test
    void releasePostsAnEmptyBody() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/release").willReturn(jsonText(200, "{\"transactionId\":\"tx-1001\"}")));
        try (CentiliClient c = client()) {
            CancellationResult u = c.releaseTransaction("tx-1001");
            assertThat(u.transactionId()).isEqualTo("tx-1001");
            assertThat(u.clientData()).isNull();
            assertThat(u.idempotencyKey()).isEqualTo("key-1");
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/release"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Idempotency-Key", equalTo("key-1")));
        assertThat(wm.getAllServeEvents()).filteredOn(e -> e.getRequest().getUrl().endsWith("/release"))
                .singleElement().satisfies(e -> assertThat(e.getRequest().getBody()).isEmpty());
    }

    @Test
    void releaseAnswerWithoutIdKeepsTheRequestedId() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-7/release").willReturn(jsonText(200, "{}")));
        try (CentiliClient c = client()) {
            assertThat(c.releaseTransaction("tx-7", "rel-1").transactionId()).isEqualTo("tx-7");
        }
        wm.verify(postRequestedFor(urlPathEqualTo(API + "/transactions/tx-7/release"))
                .withHeader("Idempotency-Key", equalTo("rel-1")));
    }

    @Test
    void transactionReadsEveryField() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (CentiliClient c = clientBuilder().zone(ZoneId.of("Europe/Belgrade")).build()) {
            Transaction t = c.transaction("tx-1001");
            assertThat(t.transactionId()).isEqualTo("tx-1001");
            assertThat(t.transactionType()).isEqualTo(TransactionType.OPT_IN);
            assertThat(t.rawTransactionType()).isEqualTo("OPT_IN");
            assertThat(t.country()).isEqualTo("RS");
            assertThat(t.item()).isEqualTo(new Item(new BigDecimal("100"), new BigDecimal("1.99"), "Gold pack", "EUR"));
            assertThat(t.item().priceMoney()).contains(Money.of("1.99", "EUR"));
            assertThat(t.notificationStatus()).isEqualTo(NotificationStatus.DELIVERED);
            assertThat(t.rawNotificationStatus()).isEqualTo("DELIVERED");
            assertThat(t.subscriber()).isEqualTo(MSISDN);
            assertThat(t.subscriberMsisdn()).contains(Msisdn.of(MSISDN));
            // 11:41:08 in Belgrade (CEST, UTC+2) in August
            assertThat(t.timeCharged()).isEqualTo(Instant.parse("2017-08-16T09:41:08Z"));
            assertThat(t.rawTimeCharged()).isEqualTo("2017-08-16 11:41:08");
            assertThat(t.transactionStatus()).isEqualTo(TransactionStatus.COMPLETED);
            assertThat(t.rawTransactionStatus()).isEqualTo("COMPLETED");
            assertThat(t.clientData()).isEqualTo(ClientData.of("user-42", "order-1001"));
            assertThat(t.serviceKey()).isEqualTo("svc-gold");
            assertThat(t.error()).isNull();
            assertThat(t.operator()).isEqualTo("22001");
            assertThat(t.toString()).doesNotContain(MSISDN).contains("3816******67");
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withHeader("Idempotency-Key", equalTo("key-1")));
    }

    @Test
    void zoneLessTimesAreUtcByDefault() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (CentiliClient c = client()) {
            assertThat(c.transaction("tx-1001").timeCharged()).isEqualTo(Instant.parse("2017-08-16T11:41:08Z"));
        }
    }

    @Test
    void theDocumentsPlaceholderTransactionIsRefusedNamingTheFieldNotReadWithItsValuesDropped() {
        // the document's example says "string" for the amount, the price and the time: a present value dcb4j
        // cannot read is a protocol error, never a silent null
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/string").willReturn(json(200, "transaction-doc.json")));
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.transaction("string")).isInstanceOf(DcbProtocolException.class)
                    .hasMessageContaining("'item.amount' is not a decimal number")
                    .satisfies(e -> assertThat(((DcbProtocolException) e).operation()).isEqualTo("getTransaction"));
        }
    }

    @Test
    void presentButUnreadableNumbersAndTimesAreProtocolErrorsNamingTheField() {
        stubPasswordGrant();
        String[][] cases = {
                {"\"item\":{\"amount\":\"lots\"}", "'item.amount' is not a decimal number"},
                {"\"item\":{\"price\":\"free\"}", "'item.price' is not a decimal number"},
                {"\"item\":{\"price\":\"1e999999999\"}", "'item.price' is out of range"},
                {"\"timeCharged\":\"soon\"", "'timeCharged' is not a time"},
                {"\"timeCharged\":\"2017-02-30 11:41:08\"", "'timeCharged' is not a time"}};
        try (CentiliClient c = client()) {
            for (String[] k : cases) {
                wm.stubFor(get(API + "/transactions/tx-bad").willReturn(jsonText(200,
                        "{\"transactionId\":\"tx-bad\"," + k[0] + "}")));
                assertThatThrownBy(() -> c.transaction("tx-bad")).as(k[0]).isInstanceOf(DcbProtocolException.class)
                        .hasMessageContaining(k[1]).hasMessageNotContaining("999999999");
            }
        }
    }

    @Test
    void timesInTheOffsetFormsJavaBackEndsEmitAreRead() {
        stubPasswordGrant();
        try (CentiliClient c = client()) {
            for (String time : new String[] {"2017-08-16T11:41:08.000+0000", "2017-08-16T11:41:08+00:00",
                    "2017-08-16T11:41:08Z", "2017-08-16 11:41:08", "1502883668000"}) {
                wm.stubFor(get(API + "/transactions/tx-t").willReturn(jsonText(200,
                        "{\"transactionId\":\"tx-t\",\"timeCharged\":\"" + time + "\"}")));
                assertThat(c.transaction("tx-t").timeCharged()).as(time)
                        .isEqualTo(Instant.parse("2017-08-16T11:41:08Z"));
            }
        }
    }

    @Test
    void unknownStatusesAndTypesAreKeptRawNeverFatal() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-9009").willReturn(json(200, "transaction-unknown-values.json")));
        try (CentiliClient c = client()) {
            Transaction t = c.transaction("tx-9009");
            assertThat(t.transactionType()).isEqualTo(TransactionType.UNKNOWN);
            assertThat(t.rawTransactionType()).isEqualTo("LOYALTY_BONUS");
            assertThat(t.notificationStatus()).isEqualTo(NotificationStatus.UNKNOWN);
            assertThat(t.rawNotificationStatus()).isEqualTo("QUEUED_FOR_LATER");
            assertThat(t.transactionStatus()).isEqualTo(TransactionStatus.UNKNOWN);
            assertThat(t.rawTransactionStatus()).isEqualTo("WAITING_FOR_GODOT");
            assertThat(t.item()).isEqualTo(new Item(new BigDecimal("3"), new BigDecimal("1.99"), "Bonus", "XYZ1"));
            assertThat(t.item().priceMoney()).isEmpty();
            assertThat(t.timeCharged()).isNull();
            assertThat(t.subscriberMsisdn()).isEmpty();
        }
    }

    @Test
    void transactionIdsAreEncodedAsOnePathSegment() {
        stubPasswordGrant();
        wm.stubFor(get(urlPathEqualTo(API + "/transactions/a%20b%3F")).willReturn(jsonText(200, "{}")));
        try (CentiliClient c = client()) {
            // an id with '/' is refused instead (PathSegmentTest): a server that decodes %2F would see two segments
            assertThat(c.transaction("a b?").transactionId()).isEqualTo("a b?");
        }
    }

    @Test
    void badArgumentsFailBeforeAnyCall() {
        try (CentiliClient c = client()) {
            assertThatThrownBy(() -> c.submitPin("tx", " ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.submitPin(" ", "1234")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.releaseTransaction(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.submitPin("tx", "1234", "has space"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> c.submitPin("tx", "1234", "k".repeat(256)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StartTransactionRequest.builder(" ").build())
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> StartTransactionRequest.builder("s").price(new BigDecimal("-1")).build())
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theSameKeyIsSentOnEveryRetryAndANewKeyForTheNextCall() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/init").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("reset"));
        wm.stubFor(post(API + "/transactions/init").inScenario("flaky").whenScenarioStateIs("reset")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wm.stubFor(post(API + "/transactions/init").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(json(200, "start-answer-pin.json")));
        try (CentiliClient c = client()) {
            TransactionStart first = c.startTransaction(fullRequest());
            assertThat(first.idempotencyKey()).isEqualTo("key-1");
            TransactionStart second = c.startTransaction(fullRequest());
            assertThat(second.idempotencyKey()).isEqualTo("key-2");
        }
        wm.verify(3, postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Idempotency-Key", equalTo("key-1")));
        wm.verify(1, postRequestedFor(urlPathEqualTo(API + "/transactions/init"))
                .withHeader("Idempotency-Key", equalTo("key-2")));
    }

    @Test
    void aPinSubmissionIsRetriedWithTheSameKeyAfterAConnectionReset() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1001/pin").inScenario("pin").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wm.stubFor(post(API + "/transactions/tx-1001/pin").inScenario("pin").whenScenarioStateIs("up")
                .willReturn(json(200, "update-answer.json")));
        try (CentiliClient c = client()) {
            assertThat(c.submitPin("tx-1001", "4321").transactionId()).isEqualTo("tx-1001");
        }
        wm.verify(2, postRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001/pin"))
                .withHeader("Idempotency-Key", equalTo("key-1")));
    }

    @Test
    void defaultKeysAreRandomUuids() {
        stubPasswordGrant();
        wm.stubFor(post(API + "/transactions/tx-1/release").willReturn(jsonText(200, "{}")));
        try (CentiliClient c = CentiliClient.builder().clientId(CLIENT_ID).username(USERNAME).password(PASSWORD)
                .tokenUrl(wm.baseUrl() + TOKEN_PATH).baseUrl(wm.baseUrl() + API).options(options()).build()) {
            String k1 = c.releaseTransaction("tx-1").idempotencyKey();
            String k2 = c.releaseTransaction("tx-1").idempotencyKey();
            assertThat(k1).matches("[0-9a-f-]{36}").isNotEqualTo(k2);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withoutFormParam("client_secret"));
    }
}
