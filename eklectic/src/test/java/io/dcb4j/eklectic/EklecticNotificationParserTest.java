package io.dcb4j.eklectic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.eklectic.notification.EklecticAction;
import io.dcb4j.eklectic.notification.EklecticNotification;
import io.dcb4j.eklectic.notification.EklecticNotificationParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EklecticNotificationParserTest {

    final EklecticNotificationParser parser = EklecticNotificationParser.create();

    static InboundNotification callback(String query) {
        return InboundNotification.get("https://shop.example/eklectic/notify?" + query);
    }

    @Test
    void subIsSubscribed() {
        BillingEvent e = parser.parse(callback(
                "action=SUB&subscriptionid=23939206&transaction=T-1&offreid=123&amount=0&date=2022-02-17+15:11:18"));
        assertThat(e.provider()).isEqualTo("eklectic");
        assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(e.rawType()).hasValue("SUB");
        assertThat(e.eventId()).isEqualTo("T-1");
        assertThat(e.subscription()).get().satisfies(s -> {
            assertThat(s.id()).isEqualTo("23939206");
            assertThat(s.offer()).isEqualTo(OfferId.of(123));
        });
        assertThat(e.charge()).isEmpty();
        assertThat(e.offer()).hasValue(OfferId.of(123));
        assertThat(e.occurredAt()).hasValue(Instant.parse("2022-02-17T14:11:18Z"));
        assertThat(e.acknowledgement().status()).isEqualTo(200);
        assertThat(e.rawParameters()).containsEntry("action", "SUB").containsEntry("transaction", "T-1")
                .containsEntry("date", "2022-02-17 15:11:18");
    }

    @Test
    void unsubIsUnsubscribed() {
        BillingEvent e = parser.parse(callback(
                "action=UNSUB&subscriptionid=23939206&transaction=T-2&offreid=123&date=2022-02-20+08:00:00"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(e.eventId()).isEqualTo("T-2");
        assertThat(e.amount()).isEmpty();
        assertThat(e.subscription().orElseThrow().id()).isEqualTo("23939206");
    }

    @Test
    void renewIsRenewedWithTheAmountInDinars() {
        String query = WireMockSupport.resource("notification-renew.txt").strip();
        BillingEvent e = parser.parse(callback(query));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.RENEWED);
        assertThat(e.eventId()).isEqualTo("TX-778899");
        assertThat(e.amount()).hasValue(Money.of("0.500", "TND"));
        assertThat(e.amount().orElseThrow().amount()).isEqualByComparingTo("0.5");
        assertThat(e.charge()).hasValue(ChargeRef.of("TX-778899"));
        assertThat(e.subscription().orElseThrow().id()).isEqualTo("23939206");
        assertThat(e.occurredAt()).hasValue(Instant.parse("2022-02-17T14:11:18Z"));
    }

    @Test
    void chargeIsChargedEvenWithoutASubscription() {
        BillingEvent e = parser.parse(callback("action=CHARGE&transaction=T-9&offreid=55&amount=1.200"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.subscription()).isEmpty();
        assertThat(e.charge()).hasValue(ChargeRef.of("T-9"));
        assertThat(e.amount()).hasValue(Money.of("1.200", "TND"));
        assertThat(e.occurredAt()).isEmpty();
    }

    @Test
    void anUnknownActionIsUnknownNotAnException() {
        BillingEvent e = parser.parse(callback("action=REFUND&subscriptionid=1&transaction=T-3"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNKNOWN);
        assertThat(e.rawType()).hasValue("REFUND");
        assertThat(e.eventId()).isEqualTo("T-3");
        assertThat(parser.parseNotification(callback("action=REFUND&transaction=T-3")).action())
                .isEqualTo(EklecticAction.UNKNOWN);
    }

    @Test
    void actionsAndParameterNamesAreCaseInsensitive() {
        BillingEvent e = parser.parse(callback("Action=sub&SubscriptionId=7&Transaction=T-4&offreId=9"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(e.offer()).hasValue(OfferId.of(9));
        assertThat(parser.parse(callback("action=SUB&subscriptionid=7&transaction=T-4&offre_id=10")).offer())
                .hasValue(OfferId.of(10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-02-17+15:11:18", "2022-02-17%2015:11:18", "2022-02-17%2B15:11:18",
            "2022-02-17%2b15%3A11%3A18", "2022-02-17T15:11:18", "2022-02-17T14:11:18Z"})
    void plusAndPercentEncodedDatesAreRead(String date) {
        BillingEvent e = parser.parse(callback("action=SUB&subscriptionid=1&transaction=T&date=" + date));
        assertThat(e.occurredAt()).hasValue(Instant.parse("2022-02-17T14:11:18Z"));
    }

    @Test
    void theConfiguredZoneAndCurrencyApply() {
        EklecticNotificationParser utc = EklecticNotificationParser.builder().zone(ZoneId.of("UTC"))
                .currency(Currency.getInstance("EUR")).build();
        BillingEvent e = utc.parse(callback(
                "action=RENEW&subscriptionid=1&transaction=T&amount=2&date=2022-02-17+15:11:18"));
        assertThat(e.occurredAt()).hasValue(Instant.parse("2022-02-17T15:11:18Z"));
        assertThat(e.amount()).hasValue(Money.of("2", "EUR"));
    }

    @Test
    void canalMsisdnAndIse2AreRead() {
        EklecticNotification n = parser.parseNotification(callback(
                "action=SUB&subscriptionid=1&transaction=T&offreid=3&canal=online&msisdn=21612345678&ise2=ORA-ALIAS-1"));
        assertThat(n.canal()).isEqualTo("online");
        assertThat(n.msisdn()).isEqualTo(Msisdn.of("21612345678"));
        assertThat(n.ise2()).isEqualTo("ORA-ALIAS-1");
        assertThat(n.subscriptionId()).isEqualTo("1");
        assertThat(n.transactionId()).isEqualTo("T");
        assertThat(n.rawAction()).isEqualTo("SUB");
        BillingEvent e = parser.parse(callback(
                "action=SUB&subscriptionid=1&transaction=T&canal=offline&msisdn=21612345678"));
        assertThat(e.msisdn()).hasValue(Msisdn.of("21612345678"));
        assertThat(e.subscription().orElseThrow().msisdn()).isEqualTo(Msisdn.of("21612345678"));
        assertThat(e.rawParameters()).containsEntry("canal", "offline");
        assertThat(e.toString()).doesNotContain("21612345678");
    }

    @Test
    void aFormEncodedPostIsReadToo() {
        InboundNotification post = InboundNotification.builder("POST").uri("/eklectic/notify")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("action=UNSUB&subscriptionid=5&transaction=T-5".getBytes(StandardCharsets.UTF_8)).build();
        BillingEvent e = parser.parse(post);
        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(e.eventId()).isEqualTo("T-5");
    }

    @Test
    void theEventIdIsStableAcrossDeliveries() {
        String q = "action=RENEW&subscriptionid=1&transaction=T-7&amount=0.5&date=2022-02-17+15:11:18";
        assertThat(parser.parse(callback(q)).eventId()).isEqualTo(parser.parse(callback(q)).eventId())
                .isEqualTo("T-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "subscriptionid=1&transaction=T|'action'",
            "action=&subscriptionid=1&transaction=T|'action'",
            "action=SUB&subscriptionid=1|'transaction'",
            "action=SUB&transaction=T|'subscriptionid'",
            "action=UNSUB&transaction=T|'subscriptionid'",
            "action=RENEW&transaction=T&amount=1|'subscriptionid'",
            "action=RENEW&subscriptionid=1&transaction=T|'amount'",
            "action=RENEW&subscriptionid=1&transaction=T&amount=abc|'amount'",
            "action=CHARGE&transaction=T&amount=-1|'amount'",
            "action=SUB&subscriptionid=1&transaction=T&date=yesterday|'date'",
            "action=SUB&subscriptionid=1&transaction=T&date=2022-13-45+99:00:00|'date'",
            "action=SUB&subscriptionid=1&transaction=T&msisdn=12ab|'msisdn'"})
    void missingOrMalformedParametersAreProtocolErrorsNamingTheParameter(String caseLine) {
        String[] parts = caseLine.split("\\|");
        assertThatThrownBy(() -> parser.parse(callback(parts[0])))
                .isInstanceOf(DcbProtocolException.class)
                .hasMessageContaining(parts[1])
                .satisfies(e -> assertThat(((DcbProtocolException) e).provider()).isEqualTo("eklectic"));
    }

    @Test
    void anEmptyCallbackIsAProtocolError() {
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/eklectic/notify")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("'action'");
    }

    @Test
    void theSharedSecretIsCheckedAndNeverKeptInTheRawParameters() {
        EklecticNotificationParser secured = EklecticNotificationParser.builder()
                .sharedSecret("key", "s3cr3t-value").build();
        BillingEvent e = secured.parse(callback("key=s3cr3t-value&action=SUB&subscriptionid=1&transaction=T"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(e.rawParameters()).doesNotContainKey("key").doesNotContainValue("s3cr3t-value");
        assertThatThrownBy(() -> secured.parse(callback("action=SUB&subscriptionid=1&transaction=T")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> secured.parse(callback("key=guess&action=SUB&subscriptionid=1&transaction=T")))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("does not match")
                .satisfies(x -> assertThat(x.getMessage()).doesNotContain("s3cr3t-value").doesNotContain("guess"));
        assertThat(secured.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void theClientsCallbackSecretTravelsInTheSecretParameterByDefault() {
        try (EklecticClient c = EklecticClient.builder().clientId("id").clientSecret("secret")
                .notificationSecret("abc123").build()) {
            assertThatThrownBy(() -> c.notificationParser().parse(callback("token=abc123&action=SUB&subscriptionid=1"
                    + "&transaction=T"))).isInstanceOf(NotificationRejectedException.class);
            BillingEvent e = c.notificationParser().parse(callback("secret=abc123&action=SUB&subscriptionid=1"
                    + "&transaction=T"));
            assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
            assertThat(e.rawParameters()).doesNotContainKey("secret").doesNotContainValue("abc123");
        }
    }

    @Test
    void theClientsParserUsesItsNotificationSecret() {
        try (EklecticClient c = EklecticClient.builder().clientId("id").clientSecret("secret")
                .notificationSecretParameter("token").notificationSecret("abc123").build()) {
            assertThatThrownBy(() -> c.notifications().orElseThrow()
                    .parse(callback("action=SUB&subscriptionid=1&transaction=T")))
                    .isInstanceOf(NotificationRejectedException.class);
            assertThat(c.notificationParser().parse(callback("token=abc123&action=SUB&subscriptionid=1&transaction=T"))
                    .type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        }
    }

    @Test
    void aParameterRepeatedWithDifferentValuesIsRefusedNotGuessed() {
        InboundNotification n = InboundNotification.builder("GET").path("/n").queryParameters(Map.of(
                "action", List.of("SUB", "UNSUB"), "subscriptionid", List.of("1"), "transaction", List.of("T")))
                .build();
        assertThatThrownBy(() -> parser.parse(n)).isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("'action'").hasMessageNotContaining("UNSUB");
        for (String query : List.of(
                "action=SUB&subscriptionid=1&transaction=T&transaction=T2",
                "action=SUB&ACTION=UNSUB&subscriptionid=1&transaction=T",
                "action=RENEW&subscriptionid=1&transaction=T&amount=0.5&amount=500")) {
            assertThatThrownBy(() -> parser.parse(callback(query))).as(query)
                    .isInstanceOf(NotificationRejectedException.class);
            assertThatThrownBy(() -> parser.parseNotification(callback(query))).as(query)
                    .isInstanceOf(NotificationRejectedException.class);
        }
        // the query says SUB, the form body says UNSUB: one set of parameters, ambiguous
        InboundNotification split = InboundNotification.builder("POST")
                .uri("/n?action=SUB&subscriptionid=1&transaction=T")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("action=UNSUB".getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> parser.parse(split)).isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("'action'");
    }

    @Test
    void identicalRepeatsAreAccepted() {
        BillingEvent e = parser.parse(callback("action=SUB&subscriptionid=1&transaction=T&action=SUB&Action=SUB"));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
        assertThat(e.rawParameters()).containsEntry("action", "SUB").doesNotContainKey("Action");
    }

    @Test
    void aBlankSecretOrAllowListIsAConfigurationErrorNotAnOpenDoor() {
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> EklecticNotificationParser.builder().sharedSecret("key", blank))
                    .as("'" + blank + "'").isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> EklecticNotificationParser.builder().sharedSecret(blank, "s3cret"))
                    .as("'" + blank + "'").isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-secret-parameter'");
            assertThatThrownBy(() -> EklecticNotificationParser.builder().allowedSources(List.of(blank)))
                    .as("'" + blank + "'").isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-allowed-sources'");
        }
        // null is "not configured", as before
        assertThat(EklecticNotificationParser.builder().sharedSecret("key", null).build()
                .parse(callback("action=SUB&subscriptionid=1&transaction=T")).type())
                .isEqualTo(BillingEvent.Type.SUBSCRIBED);
        EklecticNotificationParser listed = EklecticNotificationParser.builder()
                .allowedSources(List.of("10.0.0.0/8, 192.0.2.1")).build();
        assertThat(listed.parse(InboundNotification.builder("GET").uri("/n?action=SUB&subscriptionid=1&transaction=T")
                .remoteAddress("192.0.2.1").build()).type()).isEqualTo(BillingEvent.Type.SUBSCRIBED);
    }
}
