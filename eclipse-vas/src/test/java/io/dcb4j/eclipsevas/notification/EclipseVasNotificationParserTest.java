package io.dcb4j.eclipsevas.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EclipseVasNotificationParserTest {

    private static final String KEY = "tenant-callback-key-0123456789";

    static String umemePayment() {
        try (InputStream in = EclipseVasNotificationParserTest.class.getResourceAsStream("/eclipse-vas/umeme-payment.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The document's UMEME payment answer, finalised with {@code status}. */
    static String callback(String status) {
        return umemePayment().replace("\"status\": \"PENDING\"", "\"status\": \"" + status + "\"");
    }

    static InboundNotification post(String body) {
        return InboundNotification.postJson("/eclipse/callback", body);
    }

    static InboundNotification signed(String body, String signature) {
        return InboundNotification.builder("POST").uri("/eclipse/callback").header("Content-Type", "application/json")
                .header("Eclipse-Signature", signature).body(body.getBytes(StandardCharsets.UTF_8)).build();
    }

    /** A parser with the tenant's signing key. */
    static EclipseVasNotificationParser keyed() {
        return EclipseVasNotificationParser.builder().secret(KEY).build();
    }

    static byte[] mac(String body) {
        return NotificationSecurity.hmacSha256(KEY.getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSuccessfulPaymentIsCharged() {
        BillingEvent event = EclipseVasNotificationParser.create().parse(post(callback("SUCCESSFUL")));
        assertThat(event.provider()).isEqualTo("eclipse-vas");
        assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(event.rawType()).contains("SUCCESSFUL");
        assertThat(event.eventId()).isEqualTo("142607:SUCCESSFUL");
        assertThat(event.charge().orElseThrow().id()).isEqualTo("142607");
        assertThat(event.amount()).contains(Money.of("29182", "UGX"));
        assertThat(event.occurredAt()).contains(Instant.parse("2024-01-26T15:14:53Z"));
        assertThat(event.failureReason()).isEmpty();
        assertThat(event.msisdn()).isEmpty();
        assertThat(event.rawParameters()).containsEntry("paymentId", "142607")
                .containsEntry("externalUniqueId", "48d9b276-ad03-4ee9-9a4b-6377eb383502")
                .containsEntry("gatewayTransactionId", "fa5acd83-9d3f-4571-b290-7f0f29c2fc8e");
        assertThat(event.acknowledgement().status()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({
        "ERROR, CHARGE_FAILED, BILLING_FAILED",
        "FAILED, CHARGE_FAILED, BILLING_FAILED",
        "CANCELLED, CHARGE_FAILED, DENIED",
        "EXPIRED, CHARGE_FAILED, OTHER",
        "successful, CHARGED, ",
        "PENDING, UNKNOWN, ",
        "REVERSED, UNKNOWN, "})
    void statusesMapToEventTypes(String status, BillingEvent.Type type, FailureReason reason) {
        BillingEvent event = EclipseVasNotificationParser.create().parse(post(callback(status)));
        assertThat(event.type()).isEqualTo(type);
        assertThat(event.rawType()).contains(status);
        assertThat(event.failureReason().orElse(null)).isEqualTo(reason);
        assertThat(event.eventId()).isEqualTo("142607:" + status.toUpperCase());
    }

    @Test
    void aFailedCallbacksReasonIsReadFromItsErrorDescription() {
        String body = callback("ERROR").replace("\"errorDescription\"", "\"ignored\"")
                .replace("\"paymentType\": \"EFT\",", "\"paymentType\": \"EFT\", \"errorDescription\": \"Insufficient funds\",");
        BillingEvent event = EclipseVasNotificationParser.create().parse(post(body));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
        assertThat(event.failureReason()).contains(FailureReason.INSUFFICIENT_FUNDS);
    }

    @Test
    void aCallbackWithoutStatusIsAPaymentCompletedToQuery() {
        BillingEvent event = EclipseVasNotificationParser.create().parse(post("{\"paymentId\": 9223372036854775807,"
                + " \"phone\": \"254729294292\", \"lastModified\": \"2024-02-01T10:00:00Z\"}"));
        assertThat(event.type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        assertThat(event.eventId()).isEqualTo("9223372036854775807:COMPLETED");
        assertThat(event.msisdn()).contains(Msisdn.of("254729294292"));
        assertThat(event.occurredAt()).contains(Instant.parse("2024-02-01T10:00:00Z"));
        assertThat(event.toString()).doesNotContain("254729294292");
    }

    @Test
    void everyDeliveryOfTheSameResultHasTheSameEventId() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.create();
        assertThat(parser.parse(post(callback("SUCCESSFUL"))).eventId())
                .isEqualTo(parser.parse(post(callback("SUCCESSFUL"))).eventId())
                .isNotEqualTo(parser.parse(post(callback("ERROR"))).eventId());
    }

    @Test
    void aValidHexSignatureIsAccepted() {
        String body = callback("SUCCESSFUL");
        EclipseVasNotificationParser parser = keyed();
        assertThat(parser.verifiesSignatures()).isTrue();
        assertThat(parser.parse(signed(body, HexFormat.of().formatHex(mac(body)))).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(parser.parse(signed(body, "sha256=" + HexFormat.of().formatHex(mac(body)))).type())
                .isEqualTo(BillingEvent.Type.CHARGED);
    }

    @Test
    void aValidBase64SignatureIsAccepted() {
        String body = callback("ERROR");
        assertThat(keyed().parse(signed(body, Base64.getEncoder().encodeToString(mac(body))))
                .type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
    }

    @Test
    void aWrongSignatureIsRejected() {
        String body = callback("SUCCESSFUL");
        String forged = HexFormat.of().formatHex(NotificationSecurity.hmacSha256(
                "another-key".getBytes(StandardCharsets.UTF_8), body.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> keyed().parse(signed(body, forged)))
                .isInstanceOfSatisfying(NotificationRejectedException.class, e -> {
                    assertThat(e.provider()).isEqualTo("eclipse-vas");
                    assertThat(e.getMessage()).doesNotContain(KEY);
                });
    }

    @Test
    void aTamperedBodyIsRejected() {
        String body = callback("ERROR");
        String signature = HexFormat.of().formatHex(mac(body));
        assertThatThrownBy(() -> keyed()
                .parse(signed(body.replace("ERROR", "SUCCESSFUL"), signature)))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void aMissingSignatureIsRejectedWhenAKeyIsConfigured() {
        assertThatThrownBy(() -> keyed().parse(post(callback("SUCCESSFUL"))))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("Eclipse-Signature");
        assertThatThrownBy(() -> keyed().parse(signed(callback("SUCCESSFUL"), "zz")))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void aBlankKeyIsAConfigurationErrorNotUnsignedCallbacks() {
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> EclipseVasNotificationParser.builder().secret(blank)).as("'" + blank + "'")
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> EclipseVasNotificationParser.builder()
                    .allowedSources(SourceAddressAllowList.of("41.0.0.0/8")).secret(blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        }
        assertThat(EclipseVasNotificationParser.create().verifiesSignatures()).isFalse();
        assertThat(keyed().verifiesSignatures()).isTrue();
    }

    @Test
    void aBlankSignatureIsARefusedCallback() {
        for (String blank : new String[] {"", "   ", "sha256="}) {
            assertThatThrownBy(() -> keyed().parse(signed(callback("SUCCESSFUL"), blank)))
                    .as("'" + blank + "'").isInstanceOf(NotificationRejectedException.class)
                    .hasMessageContaining("Eclipse-Signature");
        }
    }

    @Test
    void aKeyGivenTwiceWithDifferentValuesIsRefusedEvenWhenSigned() {
        String body = "{\"paymentId\":172600,\"status\":\"ERROR\",\"amount\":155,\"status\":\"SUCCESSFUL\"}";
        assertThatThrownBy(() -> keyed().parse(signed(body, HexFormat.of().formatHex(mac(body)))))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'status'")
                .hasMessageNotContaining("SUCCESSFUL");
        for (String ambiguous : new String[] {
            "{\"paymentId\":172600,\"paymentId\":172601,\"status\":\"SUCCESSFUL\"}",
            "{\"paymentId\":172600,\"status\":\"SUCCESSFUL\",\"amount\":155,\"amount\":1550}",
            "{\"paymentId\":172600,\"status\":\"SUCCESSFUL\",\"extraInfo\":{\"a\":1,\"a\":2}}"}) {
            assertThatThrownBy(() -> EclipseVasNotificationParser.create().parse(post(ambiguous))).as(ambiguous)
                    .isInstanceOf(NotificationRejectedException.class);
        }
        String identical = "{\"paymentId\":172600,\"status\":\"SUCCESSFUL\",\"status\":\"SUCCESSFUL\",\"amount\":155}";
        BillingEvent e = keyed().parse(signed(identical, HexFormat.of().formatHex(mac(identical))));
        assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
        assertThat(e.eventId()).isEqualTo("172600:SUCCESSFUL");
    }

    @Test
    void badBodiesAreProtocolErrors() {
        EclipseVasNotificationParser parser = EclipseVasNotificationParser.create();
        assertThatThrownBy(() -> parser.parse(post("not json 27821234567")))
                .isInstanceOf(DcbProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("27821234567"));
        assertThatThrownBy(() -> parser.parse(post("{\"status\": \"SUCCESSFUL\"}")))
                .isInstanceOf(DcbProtocolException.class).hasMessageContaining("paymentId");
        assertThatThrownBy(() -> parser.parse(InboundNotification.builder("POST").uri("/cb").build()))
                .isInstanceOf(DcbProtocolException.class);
    }
}
