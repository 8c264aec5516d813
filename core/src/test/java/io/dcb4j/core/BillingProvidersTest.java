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
}
