package io.dcb4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.testing.FakeProviderFactory;
import io.dcb4j.core.token.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import okhttp3.OkHttpClient;
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

    @Test
    void optionsGivenWithTheKeysAreTheBaseTheKeysOverride() {
        OkHttpClient ownClient = new OkHttpClient();
        TokenStore sharedTokens = TokenStore.inMemory();
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        ClientOptions options = ClientOptions.builder().okHttpClient(ownClient).tokenStore(sharedTokens).clock(clock)
                .readTimeout(Duration.ofSeconds(7)).connectTimeout(Duration.ofSeconds(3)).allowInsecureHttp(true)
                .retryPolicy(RetryPolicy.none()).extraHeader("X-Merchant", "shop-42").build();

        try (BillingProvider p = BillingProviders.create("core-test-fake",
                Map.of("api-key", "k", "read-timeout", "2s"), options)) {
            ClientOptions used = FakeProviderFactory.lastClientOptions();
            assertThat(used.okHttpClient()).isSameAs(ownClient);
            assertThat(used.tokenStore()).isSameAs(sharedTokens);
            assertThat(used.clock()).isSameAs(clock);
            assertThat(used.extraHeaders()).containsEntry("X-Merchant", "shop-42");
            assertThat(used.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(used.readTimeout()).as("a key overrides the options").isEqualTo(Duration.ofSeconds(2));
            assertThat(used.allowInsecureHttp()).as("an absent key keeps the options' value").isTrue();
            assertThat(used.retryPolicy().maxAttempts()).isEqualTo(1);
        }

        try (BillingProvider p = BillingProviders.create("core-test-fake",
                Map.of("api-key", "k", "max-attempts", "4", "allow-insecure-http", "false"), options)) {
            ClientOptions used = FakeProviderFactory.lastClientOptions();
            assertThat(used.retryPolicy().maxAttempts()).isEqualTo(4);
            assertThat(used.allowInsecureHttp()).isFalse();
            assertThat(used.okHttpClient()).isSameAs(ownClient);
        }
    }

    @Test
    void withOptionsTheKeysAreCheckedAsWithoutThem() {
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", Map.of("api-key", "k"), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("base");
        ClientOptions options = ClientOptions.builder().allowInsecureHttp(true).build();
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", Map.of("api-key", "k", "api-kee", "x"),
                options)).isInstanceOf(ConfigurationException.class).hasMessageContaining("'api-kee' is not a key");
        assertThatThrownBy(() -> BillingProviders.create("nope", Map.of(), options))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown provider 'nope'");
        assertThatThrownBy(() -> BillingProviders.create("core-test-fake", Map.of("api-key", "k", "max-attempts",
                "0"), options)).isInstanceOf(ConfigurationException.class).hasMessageContaining("max-attempts");
    }
}
