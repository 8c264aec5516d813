package io.dcb4j.infomedia.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.infomedia.model.InfomediaWebhook;
import io.dcb4j.infomedia.model.WebhookType;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class InfomediaNotificationParserTest {

    static final String MSISDN = "971500000000";
    static final String BASE = "/notify?msisdn=971500000000&mcc=424&mnc=2&productid=92000000&pt=pass-1";
    final InfomediaNotificationParser parser = InfomediaNotificationParser.create();

    static String resource(String name) throws IOException {
        try (InputStream in = InfomediaNotificationParserTest.class.getResourceAsStream("/infomedia/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void documentSubscribeWebhook() throws IOException {
        InboundNotification n = InboundNotification.get(resource("webhook-subscribe.txt"));
        InfomediaWebhook w = parser.parseWebhook(n);
        assertThat(w.type()).isEqualTo(WebhookType.SUBSCRIBE);
        assertThat(w.etid()).isEqualTo("1");
        assertThat(w.msisdn()).isEqualTo(Msisdn.of(MSISDN));
        assertThat(w.mx()).isNull();
        assertThat(w.mcc()).isEqualTo("424");
        assertThat(w.mnc()).isEqualTo("2");
        assertThat(w.productId()).isEqualTo("92000000");
        assertThat(w.passThrough()).isEqualTo("Your_pass_through_value");
        assertThat(w.success()).isTrue();
        assertThat(w.charge()).isNull();
        assertThat(w.transactionStatus()).isNull();
        assertThat(w.txid()).isNull();
        assertThat(w.parameters()).containsOnlyKeys("msisdn", "mcc", "mnc", "productid", "etid", "pt", "success");

        BillingEvent e = parser.parse(n);
        assertThat(e.provider()).isEqualTo("infomedia");
        assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(e.rawType()).hasValue("1");
        assertThat(e.msisdn()).hasValue(Msisdn.of(MSISDN));
        assertThat(e.offer()).hasValue(OfferId.of("92000000"));
        assertThat(e.subscription()).hasValueSatisfying(s -> {
            assertThat(s.id()).isEqualTo("92000000");
            assertThat(s.msisdn()).isEqualTo(Msisdn.of(MSISDN));
        });
        assertThat(e.charge()).isEmpty();
        assertThat(e.amount()).isEmpty();
        assertThat(e.failureReason()).isEmpty();
        assertThat(e.occurredAt()).isEmpty();
        assertThat(e.rawParameters()).containsEntry("pt", "Your_pass_through_value");
        assertThat(e.acknowledgement().status()).isEqualTo(200);
        assertThat(e.eventId()).startsWith("infomedia-1-").doesNotContain(MSISDN);
        assertThat(e.toString()).doesNotContain(MSISDN);
    }

    @Test
    void documentReactivateWebhook() throws IOException {
        BillingEvent e = parser.parse(InboundNotification.get(resource("webhook-reactivate.txt")));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.REACTIVATED);
        assertThat(e.rawType()).hasValue("3");
        assertThat(e.rawParameters()).containsEntry("pt", "Your_pass_through_value").containsEntry("success", "1");
    }

    @Test
    void documentChargeWebhookProperlyEncoded() throws IOException {
        InboundNotification n = InboundNotification.get(resource("webhook-charge.txt"));
        InfomediaWebhook w = parser.parseWebhook(n);
        assertThat(w.type()).isEqualTo(WebhookType.CHARGE);
        assertThat(w.charge()).isEqualTo(Money.of("20", "AED"));
        assertThat(w.currencyCode()).isEqualTo("AED");
        assertThat(w.passThrough()).isEqualTo("Your pass through value");
        assertThat(w.productDescription()).isEqualTo("Your product description");
        assertThat(w.transactionStatus().code()).isEqualTo("00");
        assertThat(w.transactionStatus().billed()).isTrue();
        assertThat(w.transactionStatus().failureReason()).isNull();
        assertThat(w.success()).isTrue();

        BillingEvent e = parser.parse(n);
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.amount()).hasValue(Money.of(new BigDecimal("20"), Money.currency("AED")));
        assertThat(e.failureReason()).isEmpty();
        assertThat(e.rawParameters()).containsEntry("chargeAmount", "20").containsEntry("currencyCode", "AED")
                .containsEntry("productDescription", "Your product description");
    }

    @Test
    void documentChargeWebhookWithTheMangledCurrencyIsRepaired() throws IOException {
        String documented = resource("webhook-charge-as-documented.txt");
        assertThat(documented).contains("chargeAmount=20\u00A4cyCode=AED");
        InboundNotification mangled = InboundNotification.get(documented);
        InfomediaWebhook w = parser.parseWebhook(mangled);
        assertThat(w.charge()).isEqualTo(Money.of("20", "AED"));
        assertThat(w.currencyCode()).isEqualTo("AED");
        assertThat(w.parameters()).containsEntry("chargeAmount", "20").containsEntry("currencyCode", "AED");
        BillingEvent e = parser.parse(mangled);
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        // the same webhook, mangled or not, has the same event id
        assertThat(e.eventId()).isEqualTo(parser.parse(InboundNotification.get(resource("webhook-charge.txt")))
                .eventId());
        // percent-encoded and Latin-1 mis-decoded variants of the mangled form
        assertThat(parser.parseWebhook(InboundNotification.get(
                "/n?msisdn=971500000000&etid=5&chargeAmount=1.50%C2%A4cyCode=EUR&transactionStatus=00")).charge())
                .isEqualTo(Money.of("1.50", "EUR"));
        assertThat(parser.parseWebhook(InboundNotification.builder("GET").path("/n").queryParameters(
                java.util.Map.of("msisdn", List.of(MSISDN), "etid", List.of("5"),
                        "chargeAmount", List.of("3\u00C2\u00A4cyCode=AED"))).build()).charge())
                .isEqualTo(Money.of("3", "AED"));
        // a properly sent currencyCode wins over a mangled one
        assertThat(parser.parseWebhook(InboundNotification.get(
                "/n?msisdn=971500000000&etid=5&chargeAmount=2%C2%A4cyCode=EUR&currencyCode=AED")).currencyCode())
                .isEqualTo("AED");
    }

    @ParameterizedTest(name = "etid {0} -> {1}")
    @CsvSource({
        "1, SUBSCRIBED, SUBSCRIBE",
        "2, UNSUBSCRIBED, UNSUBSCRIBE",
        "3, REACTIVATED, REACTIVATION",
        "24, SUSPENDED, SUSPEND",
        "25, UNSUSPENDED, UNSUSPEND",
        "31, REFUNDED, REFUND",
        "4, UNKNOWN, UNKNOWN",
        "99, UNKNOWN, UNKNOWN",
        "0, UNKNOWN, UNKNOWN"})
    void everyEventType(String etid, BillingEvent.Type type, WebhookType webhookType) {
        InboundNotification n = InboundNotification.get(BASE + "&etid=" + etid);
        assertThat(parser.parseWebhook(n).type()).isEqualTo(webhookType);
        BillingEvent e = parser.parse(n);
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.rawType()).hasValue(etid);
        assertThat(e.eventId()).startsWith("infomedia-" + etid + "-");
    }

    @Test
    void aRefundCarriesItsAmountAndCharge() {
        BillingEvent e = parser.parse(InboundNotification.get(BASE
                + "&etid=31&chargeAmount=0.10&currencyCode=aed&txid=6c6a7971-1957-4b3b-bcfa-d0d11231ba51"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.REFUNDED);
        assertThat(e.amount()).hasValue(Money.of("0.10", "AED"));
        assertThat(e.charge()).hasValue(ChargeRef.of("6c6a7971-1957-4b3b-bcfa-d0d11231ba51"));
    }

    static Stream<Arguments> chargeStatuses() {
        Stream.Builder<Arguments> b = Stream.builder();
        b.add(Arguments.of("00", BillingEvent.Type.CHARGED, null));
        b.add(Arguments.of("AA", BillingEvent.Type.CHARGE_FAILED, FailureReason.INSUFFICIENT_FUNDS));
        b.add(Arguments.of("aa", BillingEvent.Type.CHARGE_FAILED, FailureReason.INSUFFICIENT_FUNDS));
        b.add(Arguments.of("A5", BillingEvent.Type.CHARGE_FAILED, FailureReason.BARRED));
        b.add(Arguments.of("A3", BillingEvent.Type.CHARGE_FAILED, FailureReason.UNKNOWN_SUBSCRIBER));
        for (String c : List.of("A6", "A7", "A8", "A9", "AB", "AC", "AD")) {
            b.add(Arguments.of(c, BillingEvent.Type.CHARGE_FAILED, FailureReason.SPEND_LIMIT));
        }
        for (String c : List.of("01", "48", "74", "A0", "A1", "A2", "A4", "AF")) {
            b.add(Arguments.of(c, BillingEvent.Type.CHARGE_FAILED, FailureReason.BILLING_FAILED));
        }
        for (String c : List.of("02", "AE", "ZZ", "999")) {
            b.add(Arguments.of(c, BillingEvent.Type.CHARGE_FAILED, FailureReason.OTHER));
        }
        return b.build();
    }

    @ParameterizedTest(name = "transactionStatus {0} -> {1} {2}")
    @MethodSource("chargeStatuses")
    void everyChargeStatusCode(String code, BillingEvent.Type type, FailureReason reason) {
        InboundNotification n = InboundNotification.get(BASE + "&etid=5&chargeAmount=20&currencyCode=AED"
                + "&transactionStatus=" + code + "&txid=tx-" + code + "&success=" + (code.equals("00") ? "1" : "0"));
        BillingEvent e = parser.parse(n);
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.failureReason().orElse(null)).isEqualTo(reason);
        assertThat(e.charge()).hasValue(ChargeRef.of("tx-" + code));
        assertThat(e.amount()).hasValue(Money.of("20", "AED"));
        InfomediaWebhook w = parser.parseWebhook(n);
        assertThat(w.transactionStatus().code()).isEqualTo(code);
        assertThat(w.transactionStatus().billed()).isEqualTo(code.equals("00"));
        assertThat(w.transactionStatus().failureReason()).isEqualTo(reason);
    }

    @Test
    void aChargeWithoutTransactionStatusFollowsTheSuccessFlag() {
        assertThat(parser.parse(InboundNotification.get(BASE + "&etid=5&success=1")).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
        BillingEvent failed = parser.parse(InboundNotification.get(BASE + "&etid=5&success=0"));
        assertThat(failed.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
        assertThat(failed.failureReason()).hasValue(FailureReason.OTHER);
        assertThat(parser.parse(InboundNotification.get(BASE + "&etid=5")).type())
                .isEqualTo(BillingEvent.Type.UNKNOWN);
    }

    @Test
    void aFailedSubscribeIsNotASubscription() {
        BillingEvent e = parser.parse(InboundNotification.get(BASE + "&etid=1&success=0"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNKNOWN);
        assertThat(e.rawType()).hasValue("1");
        assertThat(parser.parseWebhook(InboundNotification.get(BASE + "&etid=1&success=false")).success()).isFalse();
        assertThat(parser.parse(InboundNotification.get(BASE + "&etid=1")).type())
                .isEqualTo(BillingEvent.Type.SUBSCRIBED);
    }

    @Test
    void eventIdsAreStableAcrossDeliveriesAndDifferBetweenEvents() {
        String a = parser.parse(InboundNotification.get(
                "/n?msisdn=971500000000&etid=5&txid=t1&chargeAmount=1&transactionStatus=00")).eventId();
        String sameReordered = parser.parse(InboundNotification.get(
                "/other?transactionStatus=00&chargeAmount=1&txid=t1&etid=5&msisdn=971500000000")).eventId();
        String otherTx = parser.parse(InboundNotification.get(
                "/n?msisdn=971500000000&etid=5&txid=t2&chargeAmount=1&transactionStatus=00")).eventId();
        String otherType = parser.parse(InboundNotification.get(
                "/n?msisdn=971500000000&etid=31&txid=t1&chargeAmount=1&transactionStatus=00")).eventId();
        assertThat(a).isEqualTo(sameReordered).isNotEqualTo(otherTx).isNotEqualTo(otherType);
    }

    @Test
    void anEncryptedMxIsKeptButIsNotAnMsisdn() {
        InboundNotification n = InboundNotification.get(
                "/n?mx=Zm9vYmFyLWVuY3J5cHRlZA%3D%3D&mcc=424&mnc=2&productid=92000000&etid=2");
        InfomediaWebhook w = parser.parseWebhook(n);
        assertThat(w.mx()).isEqualTo("Zm9vYmFyLWVuY3J5cHRlZA==");
        assertThat(w.msisdn()).isNull();
        assertThat(w.toString()).doesNotContain("Zm9vYmFyLWVuY3J5cHRlZA==");
        BillingEvent e = parser.parse(n);
        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(e.msisdn()).isEmpty();
        assertThat(e.subscription()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("92000000"));
        assertThat(e.rawParameters()).containsEntry("mx", "Zm9vYmFyLWVuY3J5cHRlZA==");
        // a plain number in mx is used as the MSISDN
        assertThat(parser.parse(InboundNotification.get("/n?mx=971500000000&etid=2")).msisdn())
                .hasValue(Msisdn.of(MSISDN));
    }

    @Test
    void parameterNamesAreMatchedCaseInsensitivelyAndFormBodiesAreRead() {
        InfomediaWebhook w = parser.parseWebhook(InboundNotification.get(
                "/n?MSISDN=971500000000&ETID=5&ProductId=7&ChargeAmount=2&CurrencyCode=AED&TransactionStatus=AA"));
        assertThat(w.type()).isEqualTo(WebhookType.CHARGE);
        assertThat(w.productId()).isEqualTo("7");
        assertThat(w.charge()).isEqualTo(Money.of("2", "AED"));
        assertThat(w.transactionStatus().failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
        InboundNotification form = InboundNotification.builder("POST").path("/n")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("msisdn=971500000000&etid=24&productid=7".getBytes(StandardCharsets.UTF_8)).build();
        assertThat(parser.parse(form).type()).isEqualTo(BillingEvent.Type.SUSPENDED);
    }

    @Test
    void aMissingCurrencyUsesTheDefault() {
        assertThat(parser.parseWebhook(InboundNotification.get("/n?msisdn=971500000000&etid=5&chargeAmount=20"))
                .charge()).isEqualTo(Money.of("20", "AED"));
        InfomediaNotificationParser eur = InfomediaNotificationParser.builder().currency("EUR").build();
        assertThat(eur.parseWebhook(InboundNotification.get("/n?msisdn=971500000000&etid=5&chargeAmount=20"))
                .charge()).isEqualTo(Money.of("20", "EUR"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "/n?msisdn=971500000000&mcc=424 | etid",
        "/n?msisdn=971500000000&etid= | etid",
        "/n?msisdn=971500000000&etid=five | etid",
        "/n?mcc=424&etid=1 | neither msisdn nor mx",
        "/n?msisdn=12ab&etid=1 | msisdn",
        "/n?msisdn=123&etid=1 | msisdn",
        "/n?msisdn=971500000000&etid=5&chargeAmount=twenty | chargeAmount",
        "/n?msisdn=971500000000&etid=5&chargeAmount=20&currencyCode=XYZ1 | currencyCode",
        "/n?msisdn=971500000000&etid=1&success=maybe | success",
        "/ | etid"})
    void badOrMissingParametersAreProtocolErrors(String url, String named) {
        InboundNotification n = InboundNotification.get(url);
        assertThatThrownBy(() -> parser.parse(n))
                .isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining(named)
                .hasMessageNotContaining("971500000000")
                .satisfies(e -> assertThat(((DcbProtocolException) e).provider()).isEqualTo("infomedia"));
    }

    @Test
    void theSharedSecretIsRequiredComparedAndDropped() {
        InfomediaNotificationParser secured = InfomediaNotificationParser.builder()
                .sharedSecret("secret", "s3cr3t-hook").build();
        BillingEvent ok = secured.parse(InboundNotification.get(BASE + "&etid=1&secret=s3cr3t-hook"));
        assertThat(ok.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(ok.rawParameters()).doesNotContainKey("secret").doesNotContainValue("s3cr3t-hook");
        assertThat(ok.eventId()).isEqualTo(parser.parse(InboundNotification.get(BASE + "&etid=1")).eventId());
        assertThatThrownBy(() -> secured.parse(InboundNotification.get(BASE + "&etid=1")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> secured.parse(InboundNotification.get(BASE + "&etid=1&secret=wrong")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("does not match")
                .hasMessageNotContaining("s3cr3t-hook").hasMessageNotContaining("wrong");
        // checked before anything else: a forged webhook with a bad etid is rejected, not a protocol error
        assertThatThrownBy(() -> secured.parse(InboundNotification.get("/n?etid=x")))
                .isInstanceOf(NotificationRejectedException.class);
        assertThat(secured.toString()).doesNotContain("s3cr3t-hook");
    }

    @Test
    void theSenderAddressCanBeRestricted() {
        InfomediaNotificationParser restricted = InfomediaNotificationParser.builder()
                .allowedSources(List.of("203.0.113.7", " 203.0.113.8 ")).build();
        assertThat(restricted.parse(InboundNotification.builder("GET").uri(BASE + "&etid=2")
                .remoteAddress("203.0.113.8").build()).type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThatThrownBy(() -> restricted.parse(InboundNotification.builder("GET").uri(BASE + "&etid=2")
                .remoteAddress("198.51.100.1").build())).isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("not in the allow-list");
        InfomediaNotificationParser block = InfomediaNotificationParser.builder()
                .allowedSources(List.of("203.0.113.0/24")).build();
        assertThat(block.parse(InboundNotification.builder("GET").uri(BASE + "&etid=2")
                .remoteAddress("::ffff:203.0.113.99").build()).type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThatThrownBy(() -> restricted.parse(InboundNotification.get(BASE + "&etid=2")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("unknown");
    }

    @Test
    void builderRejectsBlankSecretsAndUnknownCurrencies() {
        for (String blank : new String[] {"", " ", " , "}) {
            assertThatThrownBy(() -> InfomediaNotificationParser.builder().sharedSecret("secret", blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> InfomediaNotificationParser.builder().sharedSecret(blank, "s3cr3t"))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret-parameter'");
            // an address list that lists nothing is not "accept any"
            assertThatThrownBy(() -> InfomediaNotificationParser.builder().allowedSources(List.of(blank)))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        }
        assertThatThrownBy(() -> InfomediaNotificationParser.builder().allowedSources(List.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        assertThatThrownBy(() -> InfomediaNotificationParser.builder().allowedSources(List.of("10.0.0.1", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        assertThatThrownBy(() -> InfomediaNotificationParser.builder().currency("XX"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aParameterGivenTwiceWithDifferentValuesIsRefused() {
        // etid=1&etid=2 used to be read as a subscribe
        for (String url : List.of(BASE + "&etid=1&etid=2", BASE + "&etid=2&ETID=1",
                BASE + "&etid=5&chargeAmount=1&chargeAmount=1000&transactionStatus=00",
                BASE + "&etid=1&msisdn=971500000001")) {
            assertThatThrownBy(() -> parser.parse(InboundNotification.get(url))).as(url)
                    .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("different values")
                    .hasMessageNotContaining("971500000001");
            assertThatThrownBy(() -> parser.parseWebhook(InboundNotification.get(url))).as(url)
                    .isInstanceOf(NotificationRejectedException.class);
        }
        assertThatThrownBy(() -> parser.parse(InboundNotification.get(BASE + "&etid=1&etid=2")))
                .hasMessageContaining("'etid'");
        InboundNotification form = InboundNotification.builder("POST").path("/n")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("msisdn=971500000000&etid=24&etid=25".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> parser.parse(form)).isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void identicalRepeatsAreOneValue() {
        BillingEvent once = parser.parse(InboundNotification.get(BASE + "&etid=1"));
        BillingEvent twice = parser.parse(InboundNotification.get(BASE + "&etid=1&etid=1&ETID=1"));
        assertThat(twice.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(twice.eventId()).isEqualTo(once.eventId());
    }
}
