package io.dcb4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    @Test
    void readsCommonKeysIntoClientOptions() {
        ClientOptions o = ProviderConfig.of("x", Map.of("connect-timeout", "500ms", "read-timeout", "7s",
                "call-timeout", "PT2M", "max-attempts", "1", "allow-insecure-http", "TRUE")).clientOptions();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.readTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(o.callTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.retryPolicy().maxAttempts()).isEqualTo(1);
        assertThat(o.allowInsecureHttp()).isTrue();
        assertThat(ProviderConfig.of("x", Map.of()).clientOptions().allowInsecureHttp()).isFalse();
    }

    @Test
    void namesTheKeyButNeverTheValue() {
        Map<String, String> m = new HashMap<>();
        m.put("client-secret", " ");
        m.put("read-timeout", "soon-secret");
        m.put("max-attempts", "0");
        m.put("allow-insecure-http", "yes");
        m.put("null", null);
        ProviderConfig c = ProviderConfig.of("eklectic", m);
        assertThatThrownBy(() -> c.require("client-secret")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'client-secret' is required").hasMessageContaining("provider=eklectic");
        assertThatThrownBy(() -> c.duration("read-timeout")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("read-timeout").hasMessageNotContaining("soon-secret");
        assertThatThrownBy(c::clientOptions).isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> c.bool("allow-insecure-http", false)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("allow-insecure-http");
        assertThat(c.optional("null")).isEmpty();
        assertThat(c.toString()).doesNotContain("soon-secret");
    }

    @Test
    void aPresentButBlankSecurityKeyIsAnErrorAndAnAbsentOneIsOff() {
        for (String blank : new String[] {"", "   ", " , ", ",", "\t"}) {
            ProviderConfig c = ProviderConfig.of("centili", Map.of("notification-secret", blank,
                    "notification-allowed-sources", blank));
            assertThatThrownBy(() -> c.optionalNonBlank("notification-secret")).as("'" + blank + "'")
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'")
                    .hasMessageContaining("blank");
            assertThatThrownBy(() -> c.allowList("notification-allowed-sources")).as("'" + blank + "'")
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        }
        ProviderConfig absent = ProviderConfig.of("centili", Map.of());
        assertThat(absent.optionalNonBlank("notification-secret")).isEmpty();
        assertThat(absent.allowList("notification-allowed-sources")).isEmpty();
        ProviderConfig set = ProviderConfig.of("centili", Map.of("notification-secret", " s3cret ",
                "notification-allowed-sources", "10.0.0.0/8, ,192.0.2.1"));
        assertThat(set.optionalNonBlank("notification-secret")).contains("s3cret");
        assertThat(set.allowList("notification-allowed-sources").orElseThrow().allows("192.0.2.1")).isTrue();
        assertThatThrownBy(() -> ProviderConfig.of("centili", Map.of("notification-allowed-sources", "10.0.0.0/8,x"))
                .allowList("notification-allowed-sources")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'notification-allowed-sources'");
    }

    @Test
    void aKeyThatNeedsAnotherRequiresIt() {
        ProviderConfig c = ProviderConfig.of("eklectic", Map.of("notification-secret-parameter", "key"));
        assertThatThrownBy(() -> c.requireIfPresent("notification-secret", "notification-secret-parameter"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret' is required");
        ProviderConfig.of("eklectic", Map.of()).requireIfPresent("notification-secret", "notification-secret-parameter");
    }

    @Test
    void anEmptyEnvironmentVariableIsAPresentKey() {
        Map<String, String> keys = ProviderConfig.fromEnvironment("eklectic", Map.of("DCB_EKLECTIC_NOTIFICATION_SECRET", ""));
        assertThatThrownBy(() -> ProviderConfig.of("eklectic", keys).optionalNonBlank("notification-secret"))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void readsKeysFromEnvironmentVariables() {
        Map<String, String> env = Map.of("DCB_B2M_AOC_BASE_URL", "https://x", "DCB_B2M_AOC_NOTIFICATION_SECRET", "s",
                "DCB_B2M_AOCX", "ignored", "DCB_EKLECTIC_CLIENT_ID", "other", "PATH", "/bin");
        assertThat(ProviderConfig.fromEnvironment("b2m-aoc", env))
                .containsOnly(Map.entry("base-url", "https://x"), Map.entry("notification-secret", "s"));
    }
}
