package io.dcb4j.centili;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.Capability;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CentiliProviderFactoryTest extends CentiliTestSupport {

    Map<String, String> config() {
        Map<String, String> m = new HashMap<>();
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("username", USERNAME);
        m.put("password", PASSWORD);
        m.put("token-url", wm.baseUrl() + TOKEN_PATH);
        m.put("base-url", wm.baseUrl() + API);
        m.put("allow-insecure-http", "true");
        m.put("max-attempts", "1");
        return m;
    }

    @Test
    void theFactoryIsRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("centili");
        assertThat(BillingProviders.factory("centili")).hasValueSatisfying(f -> {
            assertThat(f.id()).isEqualTo("centili");
            assertThat(f.configKeys()).contains("client-id", "client-secret", "username", "password", "token-url",
                    "base-url", "zone", "service-key", "notification-secret", "notification-secret-parameter",
                    "notification-allowed-sources", "connect-timeout", "read-timeout", "call-timeout",
                    "max-attempts", "allow-insecure-http");
            // the notification's amount is a quantity of goods: there is no currency to configure for it
            assertThat(f.configKeys()).doesNotContain("currency");
        });
    }

    @Test
    void createBuildsAWorkingClient() {
        stubPasswordGrant();
        wm.stubFor(get(API + "/transactions/tx-1001").willReturn(json(200, "transaction.json")));
        try (BillingProvider p = BillingProviders.create("centili", config())) {
            assertThat(p).isInstanceOf(CentiliClient.class);
            assertThat(p.id()).isEqualTo("centili");
            assertThat(p.supports(Capability.CANCEL)).isTrue();
            assertThat(p.charges().orElseThrow().status(ChargeRef.of("tx-1001")).state())
                    .isEqualTo(ChargeState.SUCCEEDED);
            assertThat(p.toString()).doesNotContain(PASSWORD).doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID);
        }
        wm.verify(postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("username", equalTo(USERNAME)));
        wm.verify(getRequestedFor(urlPathEqualTo(API + "/transactions/tx-1001")));
    }

    @Test
    void notificationKeysConfigureTheParser() {
        Map<String, String> m = config();
        m.put("notification-secret", "hook-secret");
        m.put("notification-secret-parameter", "s");
        m.put("notification-allowed-sources", "203.0.113.7, 203.0.113.8");
        try (BillingProvider p = BillingProviders.create("centili", m)) {
            BillingEvent e = p.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?s=hook-secret&transactionid=t1&amount=5&status=success").remoteAddress("203.0.113.8")
                    .build());
            assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(e.amount()).isEmpty(); // five goods, not 5 of any currency
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?s=hook-secret&transactionid=t1").remoteAddress("192.0.2.1").build()))
                    .isInstanceOf(io.dcb4j.core.error.NotificationRejectedException.class);
        }
    }

    @Test
    void aBlankNotificationKeyIsAConfigurationExceptionNotAnOpenDoor() {
        for (String key : new String[] {"notification-secret", "notification-secret-parameter",
            "notification-allowed-sources"}) {
            for (String blank : new String[] {"", "   ", " , "}) {
                Map<String, String> m = config();
                m.put("notification-secret", "hook-secret");
                m.put(key, blank);
                assertThatThrownBy(() -> BillingProviders.create("centili", m)).as(key + "='" + blank + "'")
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
            }
        }
        Map<String, String> parameterOnly = config();
        parameterOnly.put("notification-secret-parameter", "s");
        assertThatThrownBy(() -> BillingProviders.create("centili", parameterOnly))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"client-id", "username", "password"})
    void aMissingKeyIsAConfigurationExceptionNamingIt(String key) {
        Map<String, String> m = config();
        m.remove(key);
        assertThatThrownBy(() -> BillingProviders.create("centili", m))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void malformedKeysAreConfigurationExceptionsNamingThem() {
        assertMalformed("base-url", "not a url");
        assertMalformed("token-url", "::");
        assertMalformed("zone", "Mars/Olympus");
        assertMalformed("currency", "EUR"); // not a key of this provider any more
        assertMalformed("read-timeout", "soon");
        Map<String, String> https = config();
        https.remove("allow-insecure-http");
        assertThatThrownBy(() -> BillingProviders.create("centili", https))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("token-url");
    }

    private void assertMalformed(String key, String value) {
        Map<String, String> m = config();
        m.put(key, value);
        assertThatThrownBy(() -> BillingProviders.create("centili", m))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'")
                .hasMessageNotContaining(value);
    }

    @Test
    void theDefaultsAreTheCurrentCentiliHosts() {
        Map<String, String> m = Map.of("client-id", CLIENT_ID, "username", USERNAME, "password", PASSWORD);
        try (BillingProvider p = BillingProviders.create("centili", m)) {
            assertThat(p.toString()).contains("https://capi.centili.com/payments/v3");
        }
        assertThat(CentiliClient.DEFAULT_TOKEN_URL)
                .isEqualTo("https://auth-capi.centili.com/realms/api/protocol/openid-connect/token");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theBuilderNamesMissingValues() {
        assertThatThrownBy(() -> CentiliClient.builder().username("u").password("p").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'client-id'");
        assertThatThrownBy(() -> CentiliClient.builder().clientId("c").password("p").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'username'");
        assertThatThrownBy(() -> CentiliClient.builder().clientId("c").username("u").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'password'");
        assertThatThrownBy(() -> CentiliClient.builder().clientId("c").username("u").password("p")
                .baseUrl("http://insecure.example").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
    }

    @Test
    void theBuildersCallbackSettingsConfigureTheClientsParser() {
        try (CentiliClient c = clientBuilder().notificationSecret("hook-secret").notificationSecretParameter("s")
                .notificationAllowedSources("203.0.113.7", "198.51.100.0/24").build()) {
            assertThat(c.notifications()).containsSame(c.notificationParser());
            BillingEvent e = c.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?s=hook-secret&transactionid=t1&status=success").remoteAddress("198.51.100.9").build());
            assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(e.rawParameters()).doesNotContainKey("s").doesNotContainValue("hook-secret");
            assertThatThrownBy(() -> c.notificationParser().parse(InboundNotification.builder("GET")
                    .uri("/n?secret=hook-secret&transactionid=t1").remoteAddress("203.0.113.7").build()))
                    .isInstanceOf(io.dcb4j.core.error.NotificationRejectedException.class);
            assertThatThrownBy(() -> c.notificationParser().parse(InboundNotification.builder("GET")
                    .uri("/n?s=hook-secret&transactionid=t1").remoteAddress("192.0.2.1").build()))
                    .isInstanceOf(io.dcb4j.core.error.NotificationRejectedException.class);
            assertThat(c.notificationParser().toString()).doesNotContain("hook-secret");
        }
        try (CentiliClient c = clientBuilder().notificationSecret("hook-secret").build()) {
            assertThat(c.notificationParser().parse(InboundNotification.get("/n?secret=hook-secret&transactionid=t"))
                    .type()).isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        }
        try (CentiliClient c = client()) {
            assertThat(c.notificationParser().parse(InboundNotification.get("/n?transactionid=t")).type())
                    .isEqualTo(BillingEvent.Type.PAYMENT_COMPLETED);
        }
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void aBlankOrLoneSecretParameterIsAConfigurationExceptionNotAnOpenDoor() {
        assertThatThrownBy(() -> clientBuilder().notificationSecretParameter("s").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> clientBuilder().notificationSecretParameter(blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret-parameter'");
        }
        assertThatThrownBy(() -> clientBuilder().notificationSecretParameter(null))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret-parameter'");
        assertThatThrownBy(() -> clientBuilder().notificationSecret("  "))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        assertThatThrownBy(() -> clientBuilder().notificationAllowedSources("not-an-address"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
    }
}
