package io.dcb4j.infomedia;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfomediaProviderFactoryTest extends InfomediaTestSupport {

    static Map<String, String> config() {
        Map<String, String> c = new HashMap<>();
        c.put("api-key", API_KEY);
        c.put("username", USERNAME);
        c.put("password", PASSWORD);
        c.put("base-url", baseUrl());
        c.put("allow-insecure-http", "true");
        c.put("max-attempts", "1");
        return c;
    }

    @Test
    void isRegisteredAndListsItsKeys() {
        assertThat(BillingProviders.available()).contains("infomedia");
        assertThat(BillingProviders.factory("infomedia").orElseThrow().configKeys()).contains("api-key", "username",
                "password", "base-url", "mcc", "mnc", "pin-field", "notification-secret",
                "notification-secret-parameter", "notification-allowed-sources", "currency",
                "connect-timeout", "read-timeout", "call-timeout", "max-attempts", "allow-insecure-http");
    }

    @Test
    void createsAWorkingClientFromConfiguration() {
        wm.stubFor(post("/dcb/PINGenerateWithParams").willReturn(okJson(resource("pin-generate-response.json"))));
        Map<String, String> c = config();
        c.put("mnc", "03");
        c.put("pin-field", "otp");
        try (BillingProvider p = BillingProviders.create("infomedia", c)) {
            assertThat(p).isInstanceOf(InfomediaClient.class);
            p.pinSubscriptions().orElseThrow().requestPin(SubscribeRequest.builder(Msisdn.of(MSISDN),
                    OfferId.of(8000000)).price(Money.of("0.10", "AED")).build());
        }
        wm.verify(1, postRequestedFor(urlEqualTo("/dcb/PINGenerateWithParams"))
                .withHeader("X-Infomedia-Api-Key", equalTo(API_KEY))
                .withRequestBody(equalToJson("""
                        {"mx":"971500000000","mcc":"424","mnc":"03","productId":8000000,"u":"%s","p":"%s",
                         "params":[{"key":"amount","value":"0.10"}]}""".formatted(USERNAME, PASSWORD))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"api-key", "username", "password"})
    void aMissingKeyIsAConfigurationErrorNamingIt(String key) {
        Map<String, String> c = config();
        c.remove(key);
        assertThatThrownBy(() -> BillingProviders.create("infomedia", c))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("'" + key + "'")
                .hasMessageNotContaining(PASSWORD).hasMessageNotContaining(API_KEY);
    }

    @Test
    void malformedKeysAreConfigurationErrorsNamingThem() {
        Map<String, String> c = config();
        c.put("currency", "XYZ1");
        assertThatThrownBy(() -> BillingProviders.create("infomedia", c))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'currency'");
        Map<String, String> d = config();
        d.remove("allow-insecure-http");
        assertThatThrownBy(() -> BillingProviders.create("infomedia", d))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'base-url'");
        Map<String, String> e = config();
        e.put("mcc", "abc");
        assertThatThrownBy(() -> BillingProviders.create("infomedia", e))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'mcc'");
        Map<String, String> f = config();
        f.put("read-timeout", "soon");
        assertThatThrownBy(() -> BillingProviders.create("infomedia", f))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'read-timeout'");
    }

    @Test
    void aBlankNotificationKeyIsAConfigurationExceptionNotAnOpenDoor() {
        for (String key : new String[] {"notification-secret", "notification-secret-parameter",
            "notification-allowed-sources"}) {
            for (String blank : new String[] {"", "   ", " , "}) {
                Map<String, String> c = config();
                c.put("notification-secret", "hook-secret-9");
                c.put(key, blank);
                assertThatThrownBy(() -> BillingProviders.create("infomedia", c)).as(key + "='" + blank + "'")
                        .isInstanceOf(ConfigurationException.class).hasMessageContaining("'" + key + "'");
            }
        }
        Map<String, String> parameterOnly = config();
        parameterOnly.put("notification-secret-parameter", "key");
        assertThatThrownBy(() -> BillingProviders.create("infomedia", parameterOnly))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("'notification-secret'");
    }

    @Test
    void notificationKeysConfigureTheParser() {
        Map<String, String> c = config();
        c.put("notification-secret", "hook-secret-9");
        c.put("notification-secret-parameter", "key");
        c.put("notification-allowed-sources", "203.0.113.7, 203.0.113.8");
        c.put("currency", "EUR");
        try (BillingProvider p = BillingProviders.create("infomedia", c)) {
            BillingEvent e = p.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&chargeAmount=2&transactionStatus=00&key=hook-secret-9")
                    .remoteAddress("203.0.113.8").build());
            assertThat(e.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(e.amount()).hasValue(Money.of("2", "EUR"));
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&key=hook-secret-9").remoteAddress("198.51.100.1").build()))
                    .isInstanceOf(NotificationRejectedException.class);
            assertThatThrownBy(() -> p.notifications().orElseThrow().parse(InboundNotification.builder("GET")
                    .uri("/n?msisdn=971500000000&etid=5&secret=hook-secret-9").remoteAddress("203.0.113.7").build()))
                    .isInstanceOf(NotificationRejectedException.class);
        }
    }
}
