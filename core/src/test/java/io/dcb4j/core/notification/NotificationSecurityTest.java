package io.dcb4j.core.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.NotificationRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NotificationSecurityTest {

    static final byte[] BODY = "{\"paymentId\":1,\"status\":\"SUCCESSFUL\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsTheRightHmacInHexOrBase64() {
        byte[] mac = NotificationSecurity.hmacSha256("key".getBytes(StandardCharsets.UTF_8), BODY);
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, HexFormat.of().formatHex(mac))).isTrue();
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, "sha256=" + HexFormat.of().formatHex(mac))).isTrue();
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, Base64.getEncoder().encodeToString(mac))).isTrue();
    }

    @Test
    void rejectsTamperedMissingOrWrongKeySignatures() {
        String sig = HexFormat.of().formatHex(NotificationSecurity.hmacSha256("key".getBytes(StandardCharsets.UTF_8), BODY));
        byte[] tampered = BODY.clone();
        tampered[5] ^= 1;
        assertThat(NotificationSecurity.hmacSha256Matches("key", tampered, sig)).isFalse();
        assertThat(NotificationSecurity.hmacSha256Matches("other", BODY, sig)).isFalse();
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, null)).isFalse();
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, "")).isFalse();
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, "not base64 !!")).isFalse();
    }

    @Test
    void aBlankKeyOrSignatureIsACleanRefusal() {
        String sig = HexFormat.of().formatHex(NotificationSecurity.hmacSha256("key".getBytes(StandardCharsets.UTF_8), BODY));
        for (String blankKey : new String[] {"", "   ", " , ", null}) {
            // no IllegalArgumentException from javax.crypto: a blank key verifies nothing
            assertThat(NotificationSecurity.hmacSha256Matches(blankKey, BODY, sig)).isFalse();
        }
        assertThat(NotificationSecurity.hmacSha256Matches("key", BODY, "   ")).isFalse();
        assertThatThrownBy(() -> NotificationSecurity.hmacSha256(new byte[0], BODY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be empty");
    }

    @Test
    void aBlankConfiguredSharedSecretIsAConfigurationErrorNotAMatch() {
        InboundNotification empty = InboundNotification.get("/cb?key=&action=SUB");
        for (String blank : new String[] {"", "   ", " , ", null}) {
            assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("eklectic", empty, "key", blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        }
    }

    @Test
    void theSecretParameterGivenTwiceWithDifferentValuesIsRefused() {
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("eklectic",
                InboundNotification.get("/cb?key=s3cret&key=other"), "key", "s3cret"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("'key'")
                .hasMessageNotContaining("s3cret").hasMessageNotContaining("other");
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("eklectic",
                InboundNotification.get("/cb?key=other&key=s3cret"), "key", "s3cret"))
                .isInstanceOf(NotificationRejectedException.class);
        NotificationSecurity.requireSharedSecret("eklectic", InboundNotification.get("/cb?key=s3cret&key=s3cret"), "key",
                "s3cret");
    }

    @Test
    void sharedSecretIsComparedExactly() {
        assertThat(NotificationSecurity.secretMatches("s3cret", "s3cret")).isTrue();
        assertThat(NotificationSecurity.secretMatches("s3cret", "s3cre")).isFalse();
        assertThat(NotificationSecurity.secretMatches("s3cret", null)).isFalse();
        assertThat(NotificationSecurity.secretMatches("s3cret", "s3cret\u0000")).isFalse();
        assertThat(NotificationSecurity.secretMatches("s3cret", "")).isFalse();
        assertThat(NotificationSecurity.secretMatches("s3crét", "s3crét")).isTrue();
        assertThat(NotificationSecurity.secretMatches("", "")).isFalse(); // a blank configured secret admits nothing
        assertThat(NotificationSecurity.secretMatches("   ", "   ")).isFalse();
        InboundNotification ok = InboundNotification.get("/cb?key=s3cret&action=SUB");
        NotificationSecurity.requireSharedSecret("eklectic", ok, "key", "s3cret");
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("eklectic",
                InboundNotification.get("/cb?key=wrong"), "key", "s3cret"))
                .isInstanceOf(NotificationRejectedException.class)
                .hasMessageContaining("does not match").hasMessageNotContaining("s3cret").hasMessageNotContaining("wrong");
        assertThatThrownBy(() -> NotificationSecurity.requireSharedSecret("eklectic",
                InboundNotification.get("/cb?action=SUB"), "key", "s3cret"))
                .isInstanceOf(NotificationRejectedException.class).hasMessageContaining("missing");
    }
}
