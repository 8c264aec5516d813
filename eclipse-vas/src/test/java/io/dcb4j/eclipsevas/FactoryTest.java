package io.dcb4j.eclipsevas;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.InboundNotification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code BillingProviders.create("eclipse-vas", config)}. */
class FactoryTest extends WireMockSupport {

    static Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("base-url", wm.baseUrl());
        c.put("tenant-id", "242");
        c.put("identity", IDENTITY);
        c.put("password", PASSWORD);
        c.put("allow-insecure-http", "true");
        c.put("max-attempts", "1");
        return c;
    }

    @Test
    void isRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("eclipse-vas");
        assertThat(BillingProviders.factory("eclipse-vas").orElseThrow().configKeys()).contains("base-url",
                "tenant-id", "identity", "password", "login-path", "notification-secret", "customer-id", "wallet-id",
                "callback-url", "connect-timeout", "read-timeout", "call-timeout", "max-attempts", "allow-insecure-http");
    }

    @Test
    void createsAWorkingClientFromConfiguration() {
        Map<String, String> c = config();
        c.put("login-path", "/eclipse-conductor/rest/v2/authentication/login");
        c.put("customer-id", "723689");
        c.put("wallet-id", "1001");
        c.put("callback-url", "https://shop.example/cb");
        c.put("notification-secret", "k3y");
        c.put("call-timeout", "5s");
        wm.stubFor(post("/eclipse-conductor/rest/v2/authentication/login").willReturn(okJson(res("login.json"))));
        wm.stubFor(post(T + "/customers/723689/payments").willReturn(okJson(pending(5, "r-1"))));
        wm.stubFor(put(T + "/payments/5").willReturn(ok("Success")));
        wm.stubFor(get(T + "/payments/5").willReturn(okJson(pending(5, "r-1").replace("PENDING", "SUCCESSFUL"))));
        try (BillingProvider provider = BillingProviders.create("eclipse-vas", c)) {
            assertThat(provider).isInstanceOf(EclipseVasClient.class);
            assertThat(((EclipseVasClient) provider).tenantId()).isEqualTo(242);
            assertThat(provider.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1", "ZAR"))
                    .offer(OfferId.of("5_VD50")).clientReference("r-1").build()).state()).isEqualTo(ChargeState.PROCESSING);
            assertThat(provider.charges().orElseThrow().status(ChargeRef.of("5")).state())
                    .isEqualTo(ChargeState.SUCCEEDED);
            assertThatThrownBy(() -> provider.notifications().orElseThrow()
                    .parse(InboundNotification.postJson("/cb", "{\"paymentId\": 5}")))
                    .isInstanceOf(NotificationRejectedException.class);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/eclipse-conductor/rest/v2/authentication/login"))
                .withRequestBody(equalToJson("{\"identity\": \"" + IDENTITY + "\", \"password\": \"" + PASSWORD + "\"}")));
        wm.verify(postRequestedFor(urlPathEqualTo(T + "/customers/723689/payments")).withRequestBody(equalToJson(
                "{\"walletId\": 1001, \"callbackUrl\": \"https://shop.example/cb\"}", true, true)));
        wm.verify(getRequestedFor(urlPathEqualTo(T + "/payments/5")).withHeader("Authorization", equalTo(BEARER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base-url", "tenant-id", "identity", "password"})
    void aMissingRequiredKeyNamesTheKey(String key) {
        Map<String, String> c = config();
        c.remove(key);
        assertThatThrownBy(() -> BillingProviders.create("eclipse-vas", c))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + key + "'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PASSWORD));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tenant-id", "customer-id", "wallet-id"})
    void aMalformedNumberNamesTheKey(String key) {
        Map<String, String> c = config();
        c.put(key, "12abc");
        assertThatThrownBy(() -> BillingProviders.create("eclipse-vas", c))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
    }

    @Test
    void plainHttpNeedsTheOptIn() {
        Map<String, String> c = config();
        c.remove("allow-insecure-http");
        assertThatThrownBy(() -> BillingProviders.create("eclipse-vas", c))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
    }

    @Test
    void theBuilderRejectsBadInput() {
        assertThatThrownBy(() -> EclipseVasClient.builder().tenantId(1).credentials("a", "b").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        assertThatThrownBy(() -> builder().tenantId(0).build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'tenant-id'");
        assertThatThrownBy(() -> builder().loginPath(" ").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'login-path'");
        assertThatThrownBy(() -> builder().credentials(IDENTITY, "").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'password'");
        assertThatThrownBy(() -> builder().baseUrl("not a url").build())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        assertThatThrownBy(() -> builder().callTimeout(java.time.Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class);
        try (EclipseVasClient ok = builder().connectTimeout(java.time.Duration.ofSeconds(1))
                .readTimeout(java.time.Duration.ofSeconds(2)).callTimeout(java.time.Duration.ofSeconds(3)).build()) {
            assertThat(ok.toString()).doesNotContain(PASSWORD).doesNotContain(IDENTITY);
        }
    }

    @Test
    void aBlankNotificationSecretOrAllowListIsAConfigurationExceptionNotUnsignedCallbacks() {
        for (String key : new String[] {"notification-secret", "notification-allowed-sources"}) {
            for (String blank : new String[] {"", "   ", " , "}) {
                Map<String, String> c = config();
                c.put(key, blank);
                assertThatThrownBy(() -> BillingProviders.create("eclipse-vas", c)).as(key + "='" + blank + "'")
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
            }
        }
        for (String blank : new String[] {"", "   ", " , "}) {
            // the base builder refuses "" and spaces when set; a list of nothing (" , ") at the latest in build()
            assertThatThrownBy(() -> builder().notificationSecret(blank).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> EclipseVasClient.builder().notificationAllowedSources(blank))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-allowed-sources'");
        }
        Map<String, String> c = config();
        c.put("notification-secret", "k-0123456789");
        try (BillingProvider p = BillingProviders.create("eclipse-vas", c)) {
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(InboundNotification.postJson("/cb",
                    "{\"paymentId\":172600,\"status\":\"SUCCESSFUL\"}"))).isInstanceOf(NotificationRejectedException.class);
        }
    }

    @Test
    void theSharedBuilderSettingsReachTheWireAndTheShortcutsOverrideTheOptions() {
        wm.stubFor(get(T + "/payments/77").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(503)));
        // the options allow three attempts; the retry policy set before them still wins
        try (EclipseVasClient eclipse = EclipseVasClient.builder().baseUrl(wm.baseUrl()).tenantId(TENANT)
                .credentials(IDENTITY, PASSWORD)
                .retryPolicy(io.dcb4j.core.RetryPolicy.builder().maxAttempts(1).build())
                .extraHeader("X-Channel", "shop-7")
                .options(fast().build()).build()) {
            assertThatThrownBy(() -> eclipse.payment(77))
                    .isInstanceOf(io.dcb4j.core.error.ProviderUnavailableException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("shop-7"));
        }
        wm.verify(1, getRequestedFor(urlPathEqualTo(T + "/payments/77")).withHeader("X-Channel", equalTo("shop-7"))
                .withHeader("Authorization", equalTo(BEARER)));
        // null options are the defaults: plain http is refused again
        assertThatThrownBy(() -> builder().options(null).build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'base-url'").hasMessageContaining("http://");
    }

    @Test
    void aClientsParserIsItsNeutralParserWithTheBuildersKey() {
        try (EclipseVasClient unsigned = client();
                EclipseVasClient signed = builder().notificationSecret("k-0123456789").build()) {
            assertThat(unsigned.notifications()).containsSame(unsigned.notificationParser());
            assertThat(unsigned.notificationParser().verifiesSignatures()).isFalse();
            assertThat(signed.notifications()).containsSame(signed.notificationParser());
            assertThat(signed.notificationParser().verifiesSignatures()).isTrue();
            assertThat(signed.toString()).isEqualTo("EclipseVasClient[tenantId=242, signedCallbacks=true]");
        }
    }

    @Test
    void callbacksCanBeLimitedToEclipsesSourceAddresses() {
        Map<String, String> c = config();
        c.put("notification-allowed-sources", "41.0.0.0/8");
        String body = "{\"paymentId\":172600,\"status\":\"SUCCESSFUL\",\"amount\":155}";
        try (BillingProvider p = BillingProviders.create("eclipse-vas", c)) {
            var parser = p.notifications().orElseThrow();
            assertThat(parser.parse(io.dcb4j.core.notification.InboundNotification.builder("POST").path("/cb")
                    .header("Content-Type", "application/json").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .remoteAddress("41.1.2.3").build()).eventId()).contains("172600");
            assertThatThrownBy(() -> parser.parse(io.dcb4j.core.notification.InboundNotification.builder("POST")
                    .path("/cb").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .remoteAddress("8.8.8.8").build())).isInstanceOf(NotificationRejectedException.class);
        }
        c.put("notification-allowed-sources", "not-an-address");
        assertThatThrownBy(() -> BillingProviders.create("eclipse-vas", c)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notification-allowed-sources");
    }
}
