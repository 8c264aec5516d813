package io.dcb4j.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.spring.internal.ProviderKeys;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Typed properties to keys, secret names in every spelling, and relaxed keys of other providers. */
class ProviderKeysTest {

    @Test
    void aTypedBlockGivesTheProvidersKeysWithoutTheTransportSettings() {
        Dcb4jProperties.B2mAoc b2m = new Dcb4jProperties.B2mAoc(true, "https://gw.example", "post-json", null, null,
                "cb-secret", null, "192.0.2.0/24", Map.of("X-Partner-Id", "p-1"), Duration.ofSeconds(5),
                Duration.ofMillis(1500), null, 2, true);
        assertThat(b2m.providerKeys()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "base-url", "https://gw.example", "get-token-method", "post-json",
                "notification-secret", "cb-secret", "notification-allowed-sources", "192.0.2.0/24",
                "header.X-Partner-Id", "p-1"));
        assertThat(b2m.toString()).contains("baseUrl=https://gw.example", "notificationSecret=******",
                "header={X-Partner-Id=******}", "readTimeout=PT1.5S").doesNotContain("cb-secret", "p-1");
    }

    @Test
    void secretsAreRecognisedInEverySpellingSpringUses() {
        for (String name : new String[] {"dcb4j.providers.eklectic.client-secret", "clientSecret",
                "DCB4J_PROVIDERS_EKLECTIC_CLIENTSECRET", "DCB4J_PROVIDERS_EKLECTIC_CLIENT_SECRET",
                "dcb4j.providers.infomedia.api-key", "dcb4j.providers.centili.password",
                "dcb4j.providers.eklectic.notification-secret", "dcb4j.providers.b2m-aoc.header.X-Partner-Id",
                "dcb4j.providers.b2m-aoc.header[X-Partner-Id]", "DCB4J_PROVIDERS_B2MAOC_HEADER_XPARTNERID",
                "dcb4j.providers.other.acme.signing-key", "dcb4j.providers.other.acme.refresh-token"}) {
            assertThat(ProviderKeys.isSecret(name)).as(name).isTrue();
        }
        for (String name : new String[] {"dcb4j.providers.eklectic.client-id", "dcb4j.providers.eklectic.base-url",
                "dcb4j.providers.eklectic.notification-secret-parameter", "dcb4j.webhook.path", "server.port",
                "dcb4j.providers.centili.service-key-name", "headerName"}) {
            assertThat(ProviderKeys.isSecret(name)).as(name).isFalse();
        }
    }

    @Test
    void otherProvidersKeysTakeTheFactorysSpellingWhateverTheBindingGave() {
        Set<String> known = Set.of("api-key", "read-timeout", "header.<name>");
        assertThat(ProviderKeys.relaxed(Map.of("api.key", "a", "readtimeout", "3s", "header.X-Y", "z", "other",
                "o"), known)).containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "a", "read-timeout", "3s",
                "header.X-Y", "z", "other", "o"));
    }
}
