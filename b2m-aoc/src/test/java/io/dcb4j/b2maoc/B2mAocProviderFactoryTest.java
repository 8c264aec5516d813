package io.dcb4j.b2maoc;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class B2mAocProviderFactoryTest extends WireMockSupport {

    Map<String, String> config(String... kv) {
        Map<String, String> m = new HashMap<>();
        m.put("base-url", wm.baseUrl());
        m.put("allow-insecure-http", "true");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void theFactoryIsRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("b2m-aoc");
        BillingProviderFactory f = BillingProviders.factory("b2m-aoc").orElseThrow();
        assertThat(f).isInstanceOf(B2mAocProviderFactory.class);
        assertThat(f.id()).isEqualTo("b2m-aoc");
        assertThat(f.configKeys()).contains("base-url", "connect-timeout", "read-timeout", "call-timeout",
                "max-attempts", "allow-insecure-http", "get-token-method", "currency", "zone", "notification-secret",
                "notification-secret-parameter", "notification-allowed-sources", "header.<name>");
    }

    @Test
    void createBuildsAWorkingClientFromConfiguration() {
        wm.stubFor(get("/api/chargeStatus/AOC5f2b9c7e01").willReturn(json("charge-status.json")));
        try (BillingProvider p = BillingProviders.create("b2m-aoc", config("header.X-Partner", "p-1"))) {
            assertThat(p).isInstanceOf(B2mAocClient.class);
            assertThat(p.id()).isEqualTo("b2m-aoc");
            assertThat(p.charges().orElseThrow().status(ChargeRef.of("AOC5f2b9c7e01")).state())
                    .isEqualTo(ChargeState.SUCCEEDED);
        }
        wm.verify(1, getRequestedFor(urlEqualTo("/api/chargeStatus/AOC5f2b9c7e01"))
                .withHeader("X-Partner", equalTo("p-1")));
    }

    @Test
    void withoutKeysTheDocumentedDefaultsApply() {
        try (B2mAocClient c = (B2mAocClient) BillingProviders.create("b2m-aoc", Map.of())) {
            assertThat(c.baseUrl()).isEqualTo("https://rd.b2mwap.com");
            assertThat(c.currency().getCurrencyCode()).isEqualTo("BDT");
            assertThat(c.zone().getId()).isEqualTo("Asia/Dhaka");
            assertThat(c.tokenRequestMethod()).isEqualTo(io.dcb4j.b2maoc.model.TokenRequestMethod.GET);
        }
    }

    @Test
    void getTokenMethodCurrencyAndZoneAreRead() {
        wm.stubFor(post("/api/getToken").willReturn(json("get-token.json")));
        try (B2mAocClient c = (B2mAocClient) BillingProviders.create("b2m-aoc",
                config("get-token-method", "post-form", "currency", "myr", "zone", "UTC"))) {
            assertThat(c.currency().getCurrencyCode()).isEqualTo("MYR");
            assertThat(c.zone().getId()).isEqualTo("UTC");
            c.charges().orElseThrow().charge(ChargeRequest.builder(Money.of("1", "MYR"))
                    .msisdn(Msisdn.of("8801812345678")).offer(OfferId.of("GAMES")).build());
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/api/getToken"))
                .withRequestBody(equalTo("keyword=GAMES&msisdn=8801812345678")));
    }

    @Test
    void notificationKeysConfigureTheParser() {
        try (BillingProvider p = BillingProviders.create("b2m-aoc", config("notification-secret", "n-secret",
                "notification-secret-parameter", "sig", "notification-allowed-sources", "10.0.0.0/8, 192.0.2.7"))) {
            InboundNotification.Builder b = InboundNotification.builder("GET")
                    .uri("/cb?subscriptionID=S1&status=unsubscribed&sig=n-secret");
            assertThat(p.notifications().orElseThrow().parse(b.remoteAddress("192.0.2.7").build()).eventId()).isNotBlank();
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(b.remoteAddress("192.0.2.8").build()))
                    .isInstanceOf(NotificationRejectedException.class);
        }
    }

    @Test
    void aMissingKeyNamesTheKey() {
        assertThatThrownBy(() -> BillingProviders.create("b2m-aoc", config("notification-secret-parameter", "sig")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.getMessage()).contains("notification-secret").contains("required");
                    assertThat(e.provider()).isEqualTo("b2m-aoc");
                });
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "get-token-method, put",
        "currency, XYZ",
        "zone, Mars/Olympus",
        "max-attempts, 0",
        "read-timeout, soon",
        "allow-insecure-http, maybe",
        "notification-allowed-sources, gateway.example.com",
        "base-url, not a url"
    })
    void aMalformedKeyNamesTheKeyButNotTheValue(String key, String value) {
        assertThatThrownBy(() -> BillingProviders.create("b2m-aoc", config(key, value)))
                .isInstanceOfSatisfying(ConfigurationException.class,
                        e -> assertThat(e.getMessage()).contains(key).doesNotContain(value));
    }

    @Test
    void anHttpBaseUrlNeedsTheOptIn() {
        Map<String, String> c = config();
        c.remove("allow-insecure-http");
        assertThatThrownBy(() -> BillingProviders.create("b2m-aoc", c))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("base-url");
    }

    @Test
    void aBlankNotificationKeyIsAConfigurationExceptionNotAnOpenDoor() {
        for (String key : new String[] {"notification-secret", "notification-secret-parameter",
            "notification-allowed-sources"}) {
            for (String blank : new String[] {"", "   ", " , "}) {
                Map<String, String> c = config("notification-secret", "n-secret");
                c.put(key, blank);
                assertThatThrownBy(() -> BillingProviders.create("b2m-aoc", c)).as(key + "='" + blank + "'")
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
            }
        }
    }

    @Test
    void theSecretNeverAppearsInAConfigurationError() {
        assertThatThrownBy(() -> BillingProviders.create("b2m-aoc",
                config("notification-secret", "top-secret-value", "currency", "XYZ")))
                .isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("top-secret-value"));
    }
}
