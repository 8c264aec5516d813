package io.dcb4j.eklectic;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EklecticProviderFactoryTest extends WireMockSupport {

    Map<String, String> config() {
        Map<String, String> m = new HashMap<>();
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("base-url", baseUrl());
        m.put("allow-insecure-http", "true");
        m.put("max-attempts", "1");
        return m;
    }

    @Test
    void theFactoryIsRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("eklectic");
        assertThat(BillingProviders.factory("eklectic")).get().satisfies(f -> {
            assertThat(f).isInstanceOf(EklecticProviderFactory.class);
            assertThat(f.configKeys()).contains("client-id", "client-secret", "base-url", "zone", "currency",
                    "notification-secret", "notification-secret-parameter", "connect-timeout", "read-timeout",
                    "call-timeout", "max-attempts", "allow-insecure-http");
        });
    }

    @Test
    void createBuildsAWorkingClient() {
        stubToken();
        wm.stubFor(get("/API/subscription/23939206").willReturn(json(resource("details-answer.json"))));
        try (BillingProvider p = BillingProviders.create("eklectic", config())) {
            assertThat(p).isInstanceOf(EklecticClient.class);
            assertThat(p.subscriptions().orElseThrow().status(SubscriptionRef.of("23939206")).state())
                    .isEqualTo(SubscriptionState.SUSPENDED);
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo("/API/oauth/token")));
        wm.verify(1, getRequestedFor(urlEqualTo("/API/subscription/23939206"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void zoneCurrencyAndNotificationSecretAreConfigurable() {
        Map<String, String> m = config();
        m.put("zone", "UTC");
        m.put("currency", "eur");
        m.put("notification-secret", "cb-secret");
        m.put("notification-secret-parameter", "k");
        try (BillingProvider p = BillingProviders.create("eklectic", m)) {
            BillingEvent e = p.notifications().orElseThrow().parse(InboundNotification.get(
                    "/n?k=cb-secret&action=RENEW&subscriptionid=1&transaction=T&amount=1.5&date=2022-02-17+15:11:18"));
            assertThat(e.occurredAt()).hasValue(Instant.parse("2022-02-17T15:11:18Z"));
            assertThat(e.amount()).hasValue(Money.of("1.5", "EUR"));
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(InboundNotification.get(
                    "/n?action=RENEW&subscriptionid=1&transaction=T&amount=1.5")))
                    .isInstanceOf(NotificationRejectedException.class);
        }
    }

    @Test
    void aMissingKeyIsAConfigurationExceptionNamingIt() {
        for (String key : new String[] {"client-id", "client-secret"}) {
            Map<String, String> m = config();
            m.remove(key);
            assertThatThrownBy(() -> BillingProviders.create("eklectic", m))
                    .as(key).isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET));
        }
    }

    @Test
    void malformedKeysAreConfigurationExceptionsNamingThem() {
        Map<String, String> zone = config();
        zone.put("zone", "Mars/Olympus");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", zone))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'zone'");
        Map<String, String> currency = config();
        currency.put("currency", "XYZW");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", currency))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'currency'");
        Map<String, String> insecure = config();
        insecure.remove("allow-insecure-http");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", insecure))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        Map<String, String> attempts = config();
        attempts.put("max-attempts", "zero");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", attempts))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'max-attempts'");
    }

    @Test
    void aBlankNotificationKeyIsAConfigurationExceptionNotAnOpenDoor() {
        for (String key : new String[] {"notification-secret", "notification-secret-parameter",
            "notification-allowed-sources"}) {
            for (String blank : new String[] {"", "   ", " , "}) {
                Map<String, String> m = config();
                m.put("notification-secret", "cb-secret");
                m.put(key, blank);
                assertThatThrownBy(() -> BillingProviders.create("eklectic", m)).as(key + "='" + blank + "'")
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
            }
        }
        Map<String, String> parameterOnly = config();
        parameterOnly.put("notification-secret-parameter", "k");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", parameterOnly))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
        for (String blank : new String[] {"", "   ", " , "}) {
            assertThatThrownBy(() -> EklecticClient.builder().clientId("c").clientSecret("s")
                    .notificationSecret(blank)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-secret'");
            assertThatThrownBy(() -> EklecticClient.builder().clientId("c").clientSecret("s")
                    .notificationSecretParameter(blank)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-secret-parameter'");
            assertThatThrownBy(() -> EklecticClient.builder().clientId("c").clientSecret("s")
                    .notificationAllowedSources(blank)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("'notification-allowed-sources'");
        }
    }

    @Test
    void callbacksCanBeLimitedToEklecticsSourceAddresses() {
        Map<String, String> m = new HashMap<>();
        m.put("client-id", CLIENT_ID);
        m.put("client-secret", CLIENT_SECRET);
        m.put("notification-allowed-sources", "196.203.0.0/16, 10.1.1.1");
        String renew = "/cb?action=RENEW&subscriptionid=1&transaction=t-1&offreid=123&amount=0.5"
                + "&date=2022-02-17+15%3A11%3A18";
        try (BillingProvider p = BillingProviders.create("eklectic", m)) {
            var parser = p.notifications().orElseThrow();
            assertThat(parser.parse(InboundNotification.builder("GET").uri(renew).remoteAddress("196.203.4.5")
                    .build()).type()).isEqualTo(BillingEvent.Type.RENEWED);
            assertThatThrownBy(() -> parser.parse(InboundNotification.builder("GET").uri(renew)
                    .remoteAddress("203.0.113.9").build())).isInstanceOf(NotificationRejectedException.class);
            assertThatThrownBy(() -> parser.parse(InboundNotification.get(renew)))
                    .isInstanceOf(NotificationRejectedException.class);
        }
        m.put("notification-allowed-sources", "eklectic.tn");
        assertThatThrownBy(() -> BillingProviders.create("eklectic", m)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("notification-allowed-sources");
    }
}
