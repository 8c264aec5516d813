package io.dcb4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillingProvidersTest {

    @Test
    void findsRegisteredFactoriesAndBuildsClients() {
        assertThat(BillingProviders.available()).contains("core-test-fake");
        try (BillingProvider p = BillingProviders.create("core-test-fake", Map.of("api-key", "abcd"))) {
            assertThat(p.id()).isEqualTo("core-test-fake:4");
            assertThat(p.supports(Capability.CANCEL)).isFalse();
        }
    }

    @Test
    void unknownProviderNamesWhatIsAvailable() {
        assertThatThrownBy(() -> BillingProviders.create("nope", Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown provider 'nope'").hasMessageContaining("core-test-fake");
        assertThatThrownBy(() -> BillingProviders.create(null, Map.of()))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("provider");
    }

    @Test
    void missingKeyIsAConfigurationErrorNotAnNpe() {
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'api-key' is required");
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", Map.of("api-key", "k", "read-timeout", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("read-timeout");
    }

    @Test
    void aKeyTheProviderDoesNotKnowIsRefusedByName() {
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", Map.of("api-key", "k", "api-kee", "x")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'api-kee' is not a key")
                .hasMessageContaining("api-key");
        try (BillingProvider p = BillingProviders.create("core-test-fake",
                Map.of("api-key", "k", "read-timeout", "5s", "header.X-Test", "1"))) {
            assertThat(p).isNotNull();
        }
    }

    @Test
    void allowListsAreReadAndCheckedByKey() {
        ProviderConfig c = ProviderConfig.of("x", Map.of("ok", "10.0.0.0/8, 127.0.0.1", "bad", "10.0.0.0/8,host"));
        assertThat(c.allowList("ok").orElseThrow().allows("10.1.2.3")).isTrue();
        assertThat(c.allowList("absent")).isEmpty();
        assertThatThrownBy(() -> c.allowList("bad")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'bad'");
    }
}
