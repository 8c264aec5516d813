package io.dcb4j.centili.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentiliNotificationParserTest {

    static final String MSISDN = "381641234567";
    final CentiliNotificationParser parser = CentiliNotificationParser.create();

    static String example() throws IOException {
        try (InputStream in = CentiliNotificationParserTest.class.getResourceAsStream("/centili/notification.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void aSuccessfulPaymentIsCharged() throws IOException {
        InboundNotification n = InboundNotification.get("/centili/notify?" + example());
        PaymentNotification p = parser.parsePayment(n);
        assertThat(p.transactionId()).isEqualTo("tx-1001");
        assertThat(p.phone()).isEqualTo(Msisdn.of(MSISDN));
        assertThat(p.userId()).isEqualTo("user-42");
        assertThat(p.country()).isEqualTo("RS");
        assertThat(p.mno()).isEqualTo("Telenor");
        assertThat(p.mnoCode()).isEqualTo("22001");
        assertThat(p.quantity()).isEqualTo(BigDecimal.ONE);
        assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
        assertThat(p.rawStatus()).isEqualTo("success");
        assertThat(p.transactionType()).isNull();
        assertThat(p.toString()).doesNotContain(MSISDN);

        BillingEvent e = parser.parse(n);
        assertThat(e.provider()).isEqualTo("centili");
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.eventId()).isEqualTo("centili:tx-1001:success");
        assertThat(e.rawType()).contains("success");
        assertThat(e.charge()).contains(ChargeRef.of("tx-1001"));
        assertThat(e.subscription()).contains(SubscriptionRef.of("tx-1001", Msisdn.of(MSISDN)));
        assertThat(e.msisdn()).contains(Msisdn.of(MSISDN));
        assertThat(e.amount()).isEmpty();
        assertThat(e.failureReason()).isEmpty();
        assertThat(e.rawParameters()).containsEntry("transactionid", "tx-1001").containsEntry("phone", MSISDN)
                .containsEntry("mnocode", "22001").hasSize(8);
        assertThat(e.acknowledgement().status()).isEqualTo(200);
        assertThat(e.toString()).doesNotContain(MSISDN);
    }

    @Test
    void theEventIdIsStableAcrossRedeliveries() throws IOException {
        String q = example();
        assertThat(parser.parse(InboundNotification.get("/n?" + q)).eventId())
                .isEqualTo(parser.parse(InboundNotification.get("/other?" + q)).eventId());
        assertThat(parser.parse(InboundNotification.get("/n?transactionid=tx-1001&status=failed")).eventId())
                .isEqualTo("centili:tx-1001:failed");
    }

    @ParameterizedTest(name = "status={0} transactiontype={1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            "success, -, CHARGED, -",
            "SUCCESS, CHARGE, CHARGED, -",
            "success, RENEW, RENEWED, -",
            "success, OPT_IN, SUBSCRIBED, -",
            "success, SUB_START, SUBSCRIBED, -",
            "success, OPT_OUT, UNSUBSCRIBED, -",
            "success, REFUND, REFUNDED, -",
            "completed, -, CHARGED, -",
            "failed, -, CHARGE_FAILED, BILLING_FAILED",
            "canceled, -, CHARGE_FAILED, DENIED",
            "cancelled, OPT_IN, CHARGE_FAILED, DENIED",
            "pending, -, UNKNOWN, -",
            "exploded, -, UNKNOWN, -"})
    void eachStatusMapsToAnEventType(String status, String transactionType, BillingEvent.Type type,
            FailureReason reason) {
        String q = "transactionid=t-7&status=" + status + (transactionType == null ? ""
                : "&transactiontype=" + transactionType);
        BillingEvent e = parser.parse(InboundNotification.get("/n?" + q));
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.rawType()).contains(status);
        assertThat(e.failureReason()).isEqualTo(java.util.Optional.ofNullable(reason));
    }

    @Test
    void withoutStatusThePaymentFlowCompletedAndMustBeQueried() {
        BillingEvent e = parser.parse(InboundNotification.get("/n?transactionid=t-8"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        assertThat(e.eventId()).isEqualTo("centili:t-8:none");
        assertThat(e.rawType()).isEmpty();
    }

    @Test
    void aFormPostAndAJsonPostParseLikeAGet() throws IOException {
        InboundNotification form = InboundNotification.builder("POST").uri("/n")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body(example().getBytes(StandardCharsets.UTF_8)).build();
        InboundNotification jsonBody = InboundNotification.postJson("/n", "{\"transactionId\":\"tx-1001\","
                + "\"phone\":\"" + MSISDN + "\",\"amount\":1,\"status\":\"success\",\"userid\":\"user-42\","
                + "\"country\":\"RS\",\"mno\":\"Telenor\",\"mnocode\":22001,\"extra\":{\"nested\":true}}");
        for (InboundNotification n : List.of(form, jsonBody)) {
            PaymentNotification p = parser.parsePayment(n);
            assertThat(p.transactionId()).isEqualTo("tx-1001");
            assertThat(p.phone()).isEqualTo(Msisdn.of(MSISDN));
            assertThat(p.quantity()).isEqualByComparingTo("1");
            assertThat(p.mnoCode()).isEqualTo("22001");
            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCESS);
            assertThat(parser.parse(n).eventId()).isEqualTo("centili:tx-1001:success");
        }
    }

    @Test
    void parameterNamesAreMatchedCaseInsensitively() {
        PaymentNotification p = parser.parsePayment(InboundNotification.get(
                "/n?TransactionId=t-9&Phone=%2B381641234567&Amount=3&Status=Failed&TransactionType=renew"));
        assertThat(p.transactionId()).isEqualTo("t-9");
        assertThat(p.phone()).isEqualTo(Msisdn.of(MSISDN));
        assertThat(p.quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(p.status()).isEqualTo(PaymentStatus.FAILED);
        assertThat(p.transactionType()).isEqualTo(TransactionType.RENEW);
    }

    @Test
    void theTransactionTypeKeepsEventIdsOfOneTransactionApart() {
        BillingEvent in = parser.parse(InboundNotification.get("/n?transactionid=t&status=success&transactiontype=OPT_IN"));
        BillingEvent out = parser.parse(InboundNotification.get("/n?transactionid=t&status=success&transactiontype=OPT_OUT"));
        assertThat(in.eventId()).isEqualTo("centili:t:opt_in:success");
        assertThat(out.eventId()).isEqualTo("centili:t:opt_out:success");
    }

    @Test
    void amountIsAQuantityOfGoodsNeverMoney() {
        // Centili: "amount: Integer, quantity of purchased virtual goods". Five gems are not 5 EUR.
        for (String q : List.of("/n?transactionid=t&status=success&amount=5",
                "/n?transactionid=t&status=success&amount=5&currency=EUR",
                "/n?transactionid=t&status=success&amount=5.0")) {
            PaymentNotification p = parser.parsePayment(InboundNotification.get(q));
            assertThat(p.quantity()).as(q).isEqualByComparingTo("5");
            BillingEvent e = parser.parse(InboundNotification.get(q));
            assertThat(e.amount()).as(q).isEmpty();
            assertThat(e.toString()).doesNotContain("amount=");
            assertThat(e.rawParameters()).containsKey("amount");
        }
        BillingEvent json = parser.parse(InboundNotification.postJson("/n",
                "{\"transactionid\":\"t\",\"status\":\"success\",\"amount\":5,\"currency\":\"EUR\"}"));
        assertThat(json.amount()).isEmpty();
        assertThat(parser.parsePayment(InboundNotification.get("/n?transactionid=t")).quantity()).isNull();
        assertThat(parser.parsePayment(InboundNotification.get("/n?transactionid=t&amount=0")).quantity()).isZero();
        // a decimal is kept as sent, never turned into money
        assertThat(parser.parsePayment(InboundNotification.get("/n?transactionid=t&amount=1.99")).quantity())
                .isEqualTo(new BigDecimal("1.99"));
        assertThat(parser.parse(InboundNotification.get("/n?transactionid=t&amount=1.99")).amount()).isEmpty();
        for (String bad : List.of("-5", "1e999999999", "5 EUR", "1,99", "99999999999999999999", "1" + "0".repeat(100))) {
            assertThatThrownBy(() -> parser.parse(InboundNotification.get("/n?transactionid=t&amount="
                    + java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8)))).as(bad)
                    .isInstanceOf(DcbProtocolException.class).hasMessageContaining("amount");
        }
    }

    @Test
    void anInvalidPhoneIsDroppedButKeptRaw() {
        PaymentNotification p = parser.parsePayment(InboundNotification.get("/n?transactionid=t&phone=hidden"));
        assertThat(p.phone()).isNull();
        assertThat(p.parameters()).containsEntry("phone", "hidden");
    }

    @Test
    void badInputIsAProtocolError() {
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/n?status=success&amount=1")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("transactionid");
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/n?transactionid=&status=success")))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/n?transactionid=t&amount=1,99")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("amount");
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/n", "[1,2]")))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/n", "{broken")))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/n")))
                .isInstanceOf(DcbProtocolException.class);
    }

    @Test
    void theSharedSecretIsCheckedAndNeverKept() {
        CentiliNotificationParser secured = CentiliNotificationParser.builder().sharedSecret("hook-secret-1").build();
        BillingEvent e = secured.parse(InboundNotification.get("/n?secret=hook-secret-1&transactionid=t&status=success"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.rawParameters()).doesNotContainKey("secret").doesNotContainValue("hook-secret-1");
        assertThat(secured.parsePayment(InboundNotification.get("/n?secret=hook-secret-1&transactionid=t"))
                .parameters()).doesNotContainKey("secret");
        assertThat(secured.toString()).doesNotContain("hook-secret-1");

        assertThatThrownBy(() -> secured.parse(InboundNotification.get("/n?transactionid=t&status=success")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> secured.parse(InboundNotification.get("/n?secret=guess&transactionid=t")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageNotContaining("hook-secret-1")
                .hasMessageNotContaining("guess");
    }

    @Test
    void aCustomSecretParameter() {
        CentiliNotificationParser secured = CentiliNotificationParser.builder().sharedSecret("k")
                .secretParameter("token").build();
        assertThat(secured.parse(InboundNotification.get("/n?token=k&transactionid=t")).rawParameters())
                .doesNotContainKey("token");
        assertThatThrownBy(() -> secured.parse(InboundNotification.get("/n?secret=k&transactionid=t")))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void aParameterGivenTwiceWithDifferentValuesIsRefused() {
        for (InboundNotification n : List.of(
                InboundNotification.get("/n?transactionid=t&status=failed&status=success"),
                InboundNotification.get("/n?transactionid=t&Status=failed&STATUS=success"),
                InboundNotification.get("/n?transactionid=t1&transactionid=t2&status=success"),
                InboundNotification.builder("POST").uri("/n?transactionid=t&status=failed")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("status=success".getBytes(StandardCharsets.UTF_8)).build(),
                InboundNotification.builder("POST").uri("/n?status=failed")
                        .header("Content-Type", "application/json")
                        .body("{\"transactionid\":\"t\",\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8)).build(),
                InboundNotification.postJson("/n", "{\"transactionid\":\"t\",\"status\":\"failed\",\"status\":\"success\"}"),
                InboundNotification.postJson("/n", "{\"transactionid\":\"t\",\"status\":\"failed\",\"Status\":\"success\"}"))) {
            assertThatThrownBy(() -> parser.parse(n)).as(n.toString()).isInstanceOf(NotificationRejectedException.class)
                    .hasMessageContaining("different values").hasMessageNotContaining("success");
            assertThatThrownBy(() -> parser.parsePayment(n)).isInstanceOf(NotificationRejectedException.class);
        }
        assertThat(parser.parse(InboundNotification.get("/n?transactionid=t&status=success&Status=success")).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(parser.parse(InboundNotification.postJson("/n",
                "{\"transactionid\":\"t\",\"status\":\"success\",\"status\":\"success\"}")).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
    }

    @Test
    void aBlankSecretParameterOrAllowListIsAConfigurationErrorNotAnOpenDoor() {
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> CentiliNotificationParser.builder().sharedSecret(blank)).as("'" + blank + "'")
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> CentiliNotificationParser.builder().secretParameter(blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret-parameter'");
            assertThatThrownBy(() -> CentiliNotificationParser.builder().allowedSources(List.of(blank)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        }
        assertThatThrownBy(() -> CentiliNotificationParser.builder().allowedSources(List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        assertThatThrownBy(() -> CentiliNotificationParser.builder().allowedSources(List.of("not-an-address")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        // null is "not configured"
        assertThat(CentiliNotificationParser.builder().sharedSecret(null).allowedSources(null).build()
                .parse(InboundNotification.get("/n?transactionid=t")).type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
    }

    @Test
    void theSourceAllowListRejectsOtherAddresses() {
        CentiliNotificationParser allowList = CentiliNotificationParser.builder()
                .allowedSources(List.of("203.0.113.7")).build();
        InboundNotification ok = InboundNotification.builder("GET").uri("/n?transactionid=t")
                .remoteAddress("203.0.113.7").build();
        InboundNotification other = InboundNotification.builder("GET").uri("/n?transactionid=t")
                .remoteAddress("198.51.100.1").build();
        InboundNotification unknown = InboundNotification.get("/n?transactionid=t");
        assertThat(allowList.parse(ok).charge()).contains(ChargeRef.of("t"));
        assertThatThrownBy(() -> allowList.parse(other)).isInstanceOf(NotificationRejectedException.class);
        assertThatThrownBy(() -> allowList.parse(unknown)).isInstanceOf(NotificationRejectedException.class);
    }
}
