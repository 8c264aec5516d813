package io.dcb4j.camara;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CamaraProviderFactoryTest extends CamaraTestSupport {

    Map<String, String> config() {
        Map<String, String> m = new HashMap<>();
        m.put("base-url", wm.baseUrl());
        m.put("token-url", wm.baseUrl() + TOKEN_PATH);
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("allow-insecure-http", "true");
        return m;
    }

    @Test
    void theFactoryIsRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("camara");
        assertThat(new CamaraProviderFactory().configKeys()).containsAll(ProviderConfig.COMMON_KEYS)
                .contains("client-id", "client-secret", "token-url", "scope", "client-auth", "payments-path",
                        "refunds-path", "charge-flow", "sink", "sink-credential-lifetime", "notification-secret",
                        "notification-allowed-sources");
    }

    @Test
    void theConfigurationReachesTheWire() {
        stubToken();
        wm.stubFor(post("/cb/payments/prepare").willReturn(json(201, resource("prepare-reserved.json"))));
        Map<String, String> m = config();
        m.put("payments-path", "cb");
        m.put("charge-flow", "two-step");
        m.put("sink", "https://shop.example/camara");
        m.put("notification-secret", SINK_TOKEN);
        m.put("sink-credential-lifetime", "1d");
        m.put("client-auth", "post");
        m.put("scope", "carrier-billing:payments:create");
        try (BillingProvider c = BillingProviders.create("camara", m)) {
            assertThat(c.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1", "EUR")).msisdn(PHONE)
                    .description("x").idempotencyKey("k").clientReference("o").build()).state())
                    .isEqualTo(ChargeState.RESERVED);
        }
        wm.verify(postRequestedFor(urlEqualTo(TOKEN_PATH)).withRequestBody(equalTo("grant_type=client_credentials"
                + "&scope=carrier-billing%3Apayments%3Acreate&client_id=" + CLIENT_ID + "&client_secret="
                + CLIENT_SECRET)));
        wm.verify(postRequestedFor(urlEqualTo("/cb/payments/prepare")).withRequestBody(equalToJson(
                "{\"sink\":\"https://shop.example/camara\",\"sinkCredential\":{\"credentialType\":\"ACCESSTOKEN\","
                        + "\"accessToken\":\"" + SINK_TOKEN + "\",\"accessTokenType\":\"bearer\"}}", true, true)));
    }

    @Test
    void missingOrMalformedKeysAreRefusedNamingThem() {
        Map<String, String> m = config();
        m.remove("token-url");
        assertThatThrownBy(() -> BillingProviders.create("camara", m)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("token-url");
        Map<String, String> flow = config();
        flow.put("charge-flow", "three-step");
        assertThatThrownBy(() -> BillingProviders.create("camara", flow)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("charge-flow");
        Map<String, String> blank = config();
        blank.put("notification-secret", " ");
        assertThatThrownBy(() -> BillingProviders.create("camara", blank)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notification-secret");
        Map<String, String> unknown = config();
        unknown.put("api-key", "x");
        assertThatThrownBy(() -> BillingProviders.create("camara", unknown)).isInstanceOf(ConfigurationException.class);
    }
}
