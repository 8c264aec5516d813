package io.dcb4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.BillingEvent;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every provider's written callbacks, for every event it sends, parse with the provider's own parser into the
 * event they stand for, authenticated the way the merchant configured it; without the secret, or with another,
 * they are refused.
 */
class CallbackWriterTest {

    static final String SECRET = "trigger-secret-1";

    /** The provider's parser with the callback secret set (Eklectic's parameter named {@code key}). */
    static NotificationParser parser(String provider, String secret) {
        try (Simulator sim = Simulators.start(provider)) {
            Map<String, String> config = new LinkedHashMap<>(sim.clientConfig());
            config.put("notification-secret", secret);
            config.remove("notification-allowed-sources");
            if (provider.equals("eklectic")) {
                config.put("notification-secret-parameter", "key");
            }
            try (BillingProvider client = BillingProviders.create(provider, config)) {
                return client.notifications().orElseThrow();
            }
        }
    }

    static BillingEvent.Type expected(String provider, CallbackEvent event) {
        return switch (event) {
            case SUBSCRIBED -> BillingEvent.Type.SUBSCRIBED;
            case UNSUBSCRIBED -> BillingEvent.Type.UNSUBSCRIBED;
            // Infomedia bills a renewal with a type 5 (Charge) webhook
            case RENEWED -> provider.equals("infomedia") ? BillingEvent.Type.CHARGED : BillingEvent.Type.RENEWED;
            case CHARGE_SUCCEEDED -> BillingEvent.Type.CHARGED;
            case CHARGE_FAILED -> BillingEvent.Type.CHARGE_FAILED;
        };
    }

    @Test
    void everyProviderHasAWriterAndEveryWrittenCallbackParsesToItsEvent() {
        assertThat(Simulators.ids()).allSatisfy(id -> assertThat(Simulators.callbacks(id)).as(id).isPresent());
        for (String provider : Simulators.ids()) {
            CallbackWriter writer = Simulators.callbacks(provider).orElseThrow();
            assertThat(writer.providerId()).isEqualTo(provider);
            NotificationParser parser = parser(provider, SECRET);
            NotificationParser other = parser(provider, "another-secret");
            for (CallbackEvent event : writer.events()) {
                String what = provider + " " + event;
                CallbackSpec spec = CallbackSpec.samples().withSecret(SECRET, provider.equals("eklectic") ? "key" : null);
                Callback callback = writer.write(event, spec);
                BillingEvent parsed = parser.parse(callback.toNotification("http://127.0.0.1/merchant/callback"));
                assertThat(parsed.type()).as(what).isEqualTo(expected(provider, event));
                assertThat(parsed.provider()).isEqualTo(provider);
                assertThatThrownBy(() -> other.parse(callback.toNotification("http://127.0.0.1/cb"))).as(what)
                        .isInstanceOf(NotificationRejectedException.class);
                Callback unauthenticated = writer.write(event, CallbackSpec.samples());
                assertThatThrownBy(() -> parser.parse(unauthenticated.toNotification("http://127.0.0.1/cb")))
                        .as(what).isInstanceOf(NotificationRejectedException.class);
                assertThat(callback.toString()).doesNotContain(SECRET);
            }
            for (CallbackEvent event : EnumSet.complementOf(EnumSet.copyOf(writer.events()))) {
                assertThatThrownBy(() -> writer.write(event, CallbackSpec.samples())).as(provider + " " + event)
                        .isInstanceOf(UnsupportedOperationException.class);
            }
        }
    }

    @Test
    void theSpecsValuesGoOnTheWire() {
        Msisdn msisdn = Msisdn.of("21698765432");
        CallbackSpec spec = new CallbackSpec(msisdn, io.dcb4j.core.model.OfferId.of("77"), "4242", "EK-9",
                Money.of("1.250", "TND"), null, null);
        BillingEvent renewed = parser("eklectic", SECRET).parse(Simulators.callbacks("eklectic").orElseThrow()
                .write(CallbackEvent.RENEWED, spec.withSecret(SECRET, "key")).toNotification("http://127.0.0.1/cb"));
        assertThat(renewed.subscription().orElseThrow().id()).isEqualTo("4242");
        assertThat(renewed.eventId()).isEqualTo("EK-9");
        assertThat(renewed.amount()).contains(Money.of("1.250", "TND"));
        assertThat(renewed.offer().orElseThrow().value()).isEqualTo("77");
    }

    @Test
    void deliversToTheMerchantsEndpointAndReadsItsAnswer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> received = new CopyOnWriteArrayList<>();
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Eclipse-Signature") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).length());
            byte[] body = "thanks".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/shop/callback?tenant=1";
            Callback get = Simulators.callbacks("centili").orElseThrow().write(CallbackEvent.CHARGE_SUCCEEDED,
                    CallbackSpec.samples().withSecret(SECRET, null));
            Callback.Answer answer = get.deliver(url, Duration.ofSeconds(5));
            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo("thanks");
            Callback post = Simulators.callbacks("eclipse-vas").orElseThrow().write(CallbackEvent.CHARGE_FAILED,
                    CallbackSpec.samples().withSecret(SECRET, null));
            assertThat(post.deliver(url, Duration.ofSeconds(5)).status()).isEqualTo(202);
            assertThat(received).hasSize(2);
            assertThat(received.get(0)).startsWith("GET /shop/callback?tenant=1&secret=" + SECRET + "&transactionid=CTX")
                    .endsWith(" null 0");
            assertThat(received.get(1)).startsWith("POST /shop/callback?tenant=1 ").doesNotEndWith(" 0")
                    .matches("POST \\S+ [0-9a-f]{64} \\d+");
        } finally {
            server.stop(0);
        }
    }
}
