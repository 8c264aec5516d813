package io.dcb4j.b2maoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.notification.B2mAocNotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.SourceAddressAllowList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B2mAocNotificationParserTest {

    static final Msisdn SUBSCRIBER = Msisdn.of("8801812345678");

    final B2mAocNotificationParser parser = B2mAocNotificationParser.create();

    static String resource(String name) throws IOException {
        try (InputStream in = B2mAocNotificationParserTest.class.getResourceAsStream("/b2m-aoc/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theBrowserReturnIsAPaymentCompletedHintWithTheCharge() {
        InboundNotification n = InboundNotification.get("https://shop.example/aoc/return?aocTransID=AOC5f2b9c7e01");

        BillingEvent e = parser.parse(n);

        assertThat(e.provider()).isEqualTo("b2m-aoc");
        assertThat(e.type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        assertThat(e.rawType()).hasValue("return");
        assertThat(e.charge()).hasValue(ChargeRef.of("AOC5f2b9c7e01"));
        assertThat(e.eventId()).isEqualTo("b2m-aoc:return:AOC5f2b9c7e01").isEqualTo(parser.parse(n).eventId());
        assertThat(e.subscription()).isEmpty();
        assertThat(e.msisdn()).isEmpty();
        assertThat(e.rawParameters()).containsEntry("aocTransID", "AOC5f2b9c7e01");
        assertThat(e.acknowledgement().status()).isEqualTo(200);
    }

    @Test
    void theReturnParameterIsMatchedInAnyCasing() {
        BillingEvent e = parser.parse(InboundNotification.get("/r?order=7&aoctransid=T%2B9"));
        assertThat(e.charge()).hasValue(ChargeRef.of("T+9"));
        assertThat(e.rawParameters()).containsEntry("order", "7");
    }

    @Test
    void theUnsubscribeCallbackIsUnsubscribedWithAStableId() throws IOException {
        InboundNotification n = InboundNotification.postJson("/aoc/callback", resource("unsubscribe-callback.json"));

        BillingEvent e = parser.parse(n);
        BillingEvent again = parser.parse(n);

        assertThat(e.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(e.rawType()).hasValue("unsubscribed");
        assertThat(e.subscription()).hasValue(new SubscriptionRef("B2M000123", SUBSCRIBER, null));
        assertThat(e.msisdn()).hasValue(SUBSCRIBER);
        assertThat(e.charge()).isEmpty();
        assertThat(e.eventId()).isEqualTo(again.eventId()).startsWith("b2m-aoc:unsubscribed:B2M000123:")
                .doesNotContain("8801812345678");
        assertThat(e.rawParameters()).containsEntry("subscriptionID", "B2M000123")
                .containsEntry("status", "unsubscribed");
        assertThat(e.acknowledgement().status()).isEqualTo(200);
        assertThat(e.acknowledgement().contentType()).isEqualTo("application/json");
        assertThat(e.acknowledgement().body()).contains("\"status\":true");
        assertThat(e.toString()).doesNotContain("8801812345678");
    }

    @Test
    void theEventIdIsTheOneEarlierVersionsComputed() {
        B2mAocNotificationParser checked = B2mAocNotificationParser.builder().secret("s3").build();
        BillingEvent e = checked.parse(InboundNotification.get(
                "/aoc/callback?subscriptionID=B2M000123&msisdn=8801812345678&status=Unsubscribed&secret=s3"));
        assertThat(e.eventId()).isEqualTo("b2m-aoc:unsubscribed:B2M000123:d7d6efbef8a34890");
        assertThat(e.rawParameters()).containsExactly(java.util.Map.entry("subscriptionID", "B2M000123"),
                java.util.Map.entry("msisdn", "8801812345678"), java.util.Map.entry("status", "Unsubscribed"));
    }

    @Test
    void theSameCallbackWithAnotherMsisdnIsAnotherEvent() {
        BillingEvent a = parser.parse(InboundNotification.postJson("/cb",
                "{\"subscriptionID\":\"S1\",\"msisdn\":\"+8801812345678\",\"status\":\"unsubscribed\"}"));
        BillingEvent b = parser.parse(InboundNotification.postJson("/cb",
                "{\"subscriptionID\":\"S1\",\"msisdn\":\"8801812345679\",\"status\":\"unsubscribed\"}"));
        BillingEvent c = parser.parse(InboundNotification.postJson("/cb",
                "{\"msisdn\":\"8801812345678\",\"status\":\"unsubscribed\",\"subscriptionID\":\"S1\"}"));
        assertThat(a.eventId()).isNotEqualTo(b.eventId()).isEqualTo(c.eventId());
    }

    @Test
    void theCallbackMayComeAsAFormBodyOrAsQueryParameters() {
        InboundNotification form = InboundNotification.builder("POST").uri("/cb")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("subscriptionID=S1&msisdn=%2B8801812345678&status=unsubscribed".getBytes(StandardCharsets.UTF_8))
                .build();
        InboundNotification query = InboundNotification.get("/cb?subscriptionID=S1&msisdn=8801812345678&status=unsubscribed");

        BillingEvent f = parser.parse(form);
        BillingEvent q = parser.parse(query);

        assertThat(f.type()).isEqualTo(q.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(f.msisdn()).isEqualTo(q.msisdn()).hasValue(SUBSCRIBER);
        assertThat(f.eventId()).isEqualTo(q.eventId());
    }

    @Test
    void paddedKeysAndSpTransIdAreHonoured() {
        BillingEvent e = parser.parse(InboundNotification.postJson("/cb",
                "{\" spTransID \":\"SP9\",\"subscriptionID\":\"S1\",\" msisdn \":\"8801812345678\",\"status\":\"unsubscribed\"}"));
        assertThat(e.subscription()).hasValue(new SubscriptionRef("SP9", SUBSCRIBER, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "unsubscribed, UNSUBSCRIBED", "UNSUBSCRIBED, UNSUBSCRIBED", "Cancelled, UNSUBSCRIBED", "expired, UNSUBSCRIBED",
        "subscribed, SUBSCRIBED", "renewed, RENEWED", "Charged, CHARGED", "denied, CHARGE_FAILED", "parked, UNKNOWN"
    })
    void statusValuesMapToEventTypes(String status, BillingEvent.Type type) {
        BillingEvent e = parser.parse(InboundNotification.postJson("/cb",
                "{\"subscriptionID\":\"S1\",\"msisdn\":\"8801812345678\",\"status\":\"" + status + "\"}"));
        assertThat(e.type()).isEqualTo(type);
        assertThat(e.rawType()).hasValue(status);
    }

    @Test
    void badInputIsAProtocolError() {
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/cb?foo=1")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("neither aocTransID");
        assertThatThrownBy(() -> parser.parse(InboundNotification.get("/r?aocTransID=")))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/cb", "[1,2]")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/cb", "{\"status\":")))
                .isInstanceOf(DcbProtocolException.class);
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/cb",
                "{\"msisdn\":\"8801812345678\",\"status\":\"unsubscribed\"}")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("subscriptionID");
        assertThatThrownBy(() -> parser.parse(InboundNotification.postJson("/cb",
                "{\"subscriptionID\":\"S1\",\"msisdn\":\"+8801********\",\"status\":\"unsubscribed\"}")))
                .isInstanceOfSatisfying(DcbProtocolException.class, e -> {
                    assertThat(e.getMessage()).contains("msisdn");
                    assertThat(e.operation()).isEqualTo("parseNotification");
                    assertThat(e.provider()).isEqualTo("b2m-aoc");
                });
    }

    @Test
    void aConfiguredSecretIsRequiredOnCallbacksButNotOnBrowserReturns() {
        B2mAocNotificationParser secured = B2mAocNotificationParser.builder().secret("s3cr3t-callback")
                .secretParameter("key").build();
        String body = "{\"subscriptionID\":\"S1\",\"msisdn\":\"8801812345678\",\"status\":\"unsubscribed\"}";

        assertThatThrownBy(() -> secured.parse(InboundNotification.postJson("/cb", body)))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> secured.parse(InboundNotification.postJson("/cb?key=wrong", body)))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("does not match")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t").doesNotContain("wrong"));

        BillingEvent ok = secured.parse(InboundNotification.postJson("/cb?key=s3cr3t-callback", body));
        assertThat(ok.type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThat(ok.rawParameters()).doesNotContainKey("key").doesNotContainValue("s3cr3t-callback");
        assertThat(secured.toString()).doesNotContain("s3cr3t");

        assertThat(secured.parse(InboundNotification.get("/r?aocTransID=A1")).type())
                .isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
    }

    @Test
    void anAllowListRejectsOtherSources() {
        B2mAocNotificationParser listed = B2mAocNotificationParser.builder()
                .allowedSources(SourceAddressAllowList.of("10.1.0.0/16")).build();
        String body = "{\"subscriptionID\":\"S1\",\"msisdn\":\"8801812345678\",\"status\":\"unsubscribed\"}";
        InboundNotification.Builder b = InboundNotification.builder("POST").uri("/cb")
                .header("Content-Type", "application/json").body(body.getBytes(StandardCharsets.UTF_8));

        assertThat(listed.parse(b.remoteAddress("10.1.2.3").build()).type()).isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        assertThatThrownBy(() -> listed.parse(b.remoteAddress("192.0.2.1").build()))
                .isInstanceOf(NotificationRejectedException.class);
        assertThatThrownBy(() -> listed.parse(b.remoteAddress(null).build()))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void aParameterGivenTwiceWithDifferentValuesIsRefused() {
        String base = "{\"subscriptionID\":\"S1\",\"msisdn\":\"8801812345678\",";
        for (InboundNotification n : java.util.List.of(
                InboundNotification.get("/cb?subscriptionID=S1&status=subscribed&status=unsubscribed"),
                InboundNotification.get("/cb?subscriptionID=S1&status=subscribed&STATUS=unsubscribed"),
                InboundNotification.postJson("/cb", base + "\"status\":\"subscribed\",\"status\":\"unsubscribed\"}"),
                InboundNotification.postJson("/cb", base + "\"status\":\"subscribed\",\" status \":\"unsubscribed\"}"),
                InboundNotification.postJson("/cb?status=subscribed", base + "\"status\":\"unsubscribed\"}"),
                InboundNotification.builder("POST").uri("/cb?status=subscribed")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body("subscriptionID=S1&status=unsubscribed".getBytes(StandardCharsets.UTF_8)).build(),
                InboundNotification.get("/r?aocTransID=A1&aocTransID=A2"))) {
            assertThatThrownBy(() -> parser.parse(n)).as(n.toString())
                    .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("different values")
                    .hasMessageNotContaining("unsubscribed");
        }
        assertThatThrownBy(() -> B2mAocNotificationParser.aocTransIdFromReturnUrl("/r?aocTransID=A1?aocTransID=A2"))
                .isInstanceOf(NotificationRejectedException.class);
        assertThat(B2mAocNotificationParser.aocTransIdFromReturnUrl("/r?aocTransID=A1&AOCTRANSID=A1"))
                .hasValue(AocTransactionId.of("A1"));
        assertThat(parser.parse(InboundNotification.postJson("/cb?status=unsubscribed",
                base + "\"status\":\"unsubscribed\",\"status\":\"unsubscribed\"}")).type())
                .isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
    }

    @Test
    void aBlankSecretOrParameterIsAConfigurationErrorNotAnOpenDoor() {
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> B2mAocNotificationParser.builder().secret(blank)).as("'" + blank + "'")
                    .isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> B2mAocNotificationParser.builder().secret("s3cret").secretParameter(blank))
                    .isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-secret-parameter'");
            assertThatThrownBy(() -> B2mAocClient.builder().notificationSecret(blank))
                    .isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> B2mAocClient.builder().notificationAllowedSources(blank))
                    .isInstanceOf(io.dcb4j.core.error.ConfigurationException.class)
                    .hasMessageContaining("'notification-allowed-sources'");
        }
    }

    @Test
    void theClientsParserUsesItsConfiguredSecret() {
        try (B2mAocClient c = B2mAocClient.builder().notificationSecret("abc").build()) {
            assertThatThrownBy(() -> c.notifications().orElseThrow().parse(InboundNotification.get(
                    "/cb?subscriptionID=S1&status=unsubscribed"))).isInstanceOf(NotificationRejectedException.class);
            assertThat(c.notifications().orElseThrow().parse(InboundNotification.get(
                    "/cb?subscriptionID=S1&status=unsubscribed&secret=abc")).type())
                    .isEqualTo(BillingEvent.Type.UNSUBSCRIBED);
        }
    }
}
