package io.dcb4j.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.notification.CamaraEvent;
import io.dcb4j.camara.notification.CamaraEventType;
import io.dcb4j.camara.notification.CamaraNotificationParser;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CloudEvents to BillingEvent: every event type, the sink credential, de-duplication, 204. */
class CamaraNotificationParserTest {

    static final String TOKEN = "sink-token-7Hq2xV9pLm";
    static final CamaraNotificationParser PARSER = CamaraNotificationParser.builder().accessToken(TOKEN).build();

    static InboundNotification event(String body, String authorization) {
        InboundNotification.Builder b = InboundNotification.builder("POST").path("/camara/sink")
                .header("Content-Type", "application/cloudevents+json").header("x-correlator", "corr-77")
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b.build();
    }

    static String resource(String name) {
        return WireMockTestSupport.classpathText("/camara/" + name);
    }

    static String eventOf(String type, String status, String extra) {
        return "{\"id\":\"e-1\",\"source\":\"https://notificationSendServer12.supertelco.com\",\"type\":\"" + type
                + "\",\"specversion\":\"1.0\",\"datacontenttype\":\"application/json\",\"time\":\"2023-11-03T12:27:10Z\","
                + "\"data\":{\"paymentId\":\"p-1\",\"refundId\":\"r-1\",\"status\":\"" + status
                + "\",\"description\":\"Notification\"" + extra + "}}";
    }

    @Test
    void aPaymentCompletedEventIsChargedWithThePaymentAndA204() {
        BillingEvent e = PARSER.parse(event(resource("event-payment-completed.json"), "Bearer " + TOKEN));
        assertThat(e.provider()).isEqualTo("camara");
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.rawType()).hasValue("org.camaraproject.carrier-billing.v0.payment-completed");
        assertThat(e.charge()).hasValue(ChargeRef.of("AK234rfweSBuWGFUEWFGWEVWRV"));
        assertThat(e.occurredAt()).hasValue(Instant.parse("2023-11-03T12:27:08.312Z"));
        assertThat(e.eventId()).isEqualTo("https%3A%2F%2FnotificationSendServer12.supertelco.com sd5e-uy52-88t4-za66");
        assertThat(e.acknowledgement().status()).isEqualTo(204);
        assertThat(e.acknowledgement().body()).isEmpty();
        assertThat(e.rawParameters()).containsEntry("status", "succeeded").containsEntry("x-correlator", "corr-77")
                .containsEntry("description", "Payment Notification");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "org.camaraproject.carrier-billing.v0.payment-pending-validation, succeeded, CHARGE_PENDING",
        "org.camaraproject.carrier-billing.v0.payment-reserved, succeeded, CHARGE_RESERVED",
        "org.camaraproject.carrier-billing.v0.payment-reserved, failed, CHARGE_FAILED",
        "org.camaraproject.carrier-billing.v0.payment-completed, succeeded, CHARGED",
        "org.camaraproject.carrier-billing.v0.payment-cancelled, succeeded, CHARGE_CANCELLED",
        "org.camaraproject.carrier-billing.v0.payment-denied, failed, CHARGE_FAILED",
        "org.camaraproject.carrier-billing-refund.v0.refund-completed, succeeded, REFUNDED",
        "org.camaraproject.carrier-billing-refund.v0.refund-in-bill, succeeded, REFUNDED",
        "org.camaraproject.carrier-billing-refund.v0.refund-denied, failed, REFUND_FAILED",
        "org.camaraproject.carrier-billing-refund.v0.refund-completed, failed, REFUND_FAILED",
        "org.camaraproject.carrier-billing.v1.payment-completed, succeeded, CHARGED",
        "org.camaraproject.carrier-billing.v0.payment-refunded, succeeded, UNKNOWN",
        "org.camaraproject.carrier-billing-refund.v0.payment-completed, succeeded, UNKNOWN",
    })
    void everyEventTypeMapsToItsNeutralType(String type, String status, BillingEvent.Type expected) {
        BillingEvent e = PARSER.parse(event(eventOf(type, status, ""), "Bearer " + TOKEN));
        assertThat(e.type()).isEqualTo(expected);
        assertThat(e.rawType()).hasValue(type);
        assertThat(e.charge()).hasValue(ChargeRef.of("p-1"));
    }

    @Test
    void aDeniedPaymentsReasonIsKeptAndReadForFunds() {
        BillingEvent e = PARSER.parse(event(resource("event-payment-denied.json"), "Bearer " + TOKEN));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
        assertThat(e.failureReason()).hasValue(FailureReason.DENIED);
        assertThat(e.rawParameters()).containsEntry("denialReason", "User is blocked due to pending debt");
        BillingEvent poor = PARSER.parse(event(eventOf("org.camaraproject.carrier-billing.v0.payment-denied", "failed",
                ",\"denialReason\":\"Insufficient balance\""), "Bearer " + TOKEN));
        assertThat(poor.failureReason()).hasValue(FailureReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void aRefundEventNamesTheRefundAndItsDate() {
        CamaraEvent e = PARSER.parseEvent(event(resource("event-refund-completed.json"), "Bearer " + TOKEN));
        assertThat(e.type()).isEqualTo(CamaraEventType.REFUND_COMPLETED);
        assertThat(e.refund()).hasValue("rf-1");
        assertThat(e.refundDate()).isEqualTo(Instant.parse("2023-11-04T09:00:01Z"));
        assertThat(e.succeeded()).isTrue();
        assertThat(e.correlator()).isEqualTo("corr-77");
        assertThat(PARSER.parse(event(resource("event-refund-completed.json"), "Bearer " + TOKEN)).rawParameters())
                .containsEntry("refundId", "rf-1");
    }

    @Test
    void theSinkCredentialIsRequiredWhenConfigured() {
        String body = resource("event-payment-completed.json");
        assertThatThrownBy(() -> PARSER.parse(event(body, null))).isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("missing");
        assertThatThrownBy(() -> PARSER.parse(event(body, "Bearer wrong"))).isInstanceOf(
                NotificationRejectedException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> PARSER.parse(event(body, "Basic " + TOKEN)))
                .isInstanceOf(NotificationRejectedException.class);
        assertThat(PARSER.parse(event(body, "bearer " + TOKEN)).type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(CamaraNotificationParser.create().parse(event(body, null)).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
        assertThatThrownBy(() -> CamaraNotificationParser.builder().accessToken(" "))
                .isInstanceOf(ConfigurationException.class);
        assertThat(PARSER.toString()).doesNotContain(TOKEN);
    }

    @Test
    void theSameSourceAndIdIsTheSameEventAndAnotherSourceIsAnother() {
        EventDeduplicator dedup = EventDeduplicator.inMemory(100, Duration.ofHours(1));
        String body = resource("event-payment-completed.json");
        BillingEvent first = PARSER.parse(event(body, "Bearer " + TOKEN));
        BillingEvent again = PARSER.parse(event(body, "Bearer " + TOKEN));
        BillingEvent elsewhere = PARSER.parse(event(body.replace("notificationSendServer12", "other"),
                "Bearer " + TOKEN));
        assertThat(dedup.claim(first)).isTrue();
        assertThat(dedup.claim(again)).isFalse();
        assertThat(dedup.claim(elsewhere)).isTrue();
        assertThat(CamaraNotificationParser.eventId("a b", "c")).isNotEqualTo(CamaraNotificationParser.eventId("a",
                "b c"));
    }

    @Test
    void aBodyThatIsNotACamaraCloudEventIsAProtocolErrorNamingTheField() {
        String ok = eventOf("org.camaraproject.carrier-billing.v0.payment-completed", "succeeded", "");
        for (String field : List.of("id", "source", "type", "time")) {
            String body = ok.replaceFirst("\"" + field + "\":\"[^\"]*\",?", "");
            assertThatThrownBy(() -> PARSER.parse(event(body, "Bearer " + TOKEN)))
                    .as(field).isInstanceOf(DcbProtocolException.class).hasMessageContaining(field);
        }
        assertThatThrownBy(() -> PARSER.parse(event(ok.replace("\"1.0\"", "\"0.3\""), "Bearer " + TOKEN)))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("specversion");
        assertThatThrownBy(() -> PARSER.parse(event(ok.replace("\"paymentId\":\"p-1\",", ""), "Bearer " + TOKEN)))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("data.paymentId");
        assertThatThrownBy(() -> PARSER.parse(event(eventOf(
                "org.camaraproject.carrier-billing-refund.v0.refund-completed", "succeeded", "")
                .replace("\"refundId\":\"r-1\",", ""), "Bearer " + TOKEN)))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("data.refundId");
        assertThatThrownBy(() -> PARSER.parse(event(ok.replace("2023-11-03T12:27:10Z", "2023-11-03T12:27:10"),
                "Bearer " + TOKEN))).isInstanceOf(DcbProtocolException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> PARSER.parse(InboundNotification.builder("POST").header("Content-Type", "text/plain")
                .header("Authorization", "Bearer " + TOKEN).body(ok.getBytes(StandardCharsets.UTF_8)).build()))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("content type");
        assertThatThrownBy(() -> PARSER.parse(event(ok.replace("{\"id\":\"e-1\",", "{\"id\":\"e-1\",\"id\":\"e-2\","),
                "Bearer " + TOKEN))).isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void anAllowListLimitsTheSenders() {
        CamaraNotificationParser p = CamaraNotificationParser.builder().allowedSources(List.of("10.0.0.0/8")).build();
        InboundNotification from = InboundNotification.builder("POST")
                .header("Content-Type", "application/cloudevents+json").remoteAddress("192.168.1.9")
                .body(resource("event-payment-completed.json").getBytes(StandardCharsets.UTF_8)).build();
        assertThatThrownBy(() -> p.parse(from)).isInstanceOf(NotificationRejectedException.class);
    }
}
