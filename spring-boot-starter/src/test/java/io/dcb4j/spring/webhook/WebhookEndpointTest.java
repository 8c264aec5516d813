package io.dcb4j.spring.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.spring.TestApplication;
import io.dcb4j.spring.test.DcbSimulators;
import io.dcb4j.spring.test.RunningSimulators;
import io.dcb4j.testkit.centili.CentiliSimulator;
import io.dcb4j.testkit.eklectic.EklecticSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The callback endpoint in a running application, fed by the simulators' own deliveries: verified, de-duplicated,
 * published as application events and acknowledged as each provider expects; refused callbacks logged.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "dcb4j.webhook.enabled=true")
@DcbSimulators({"eklectic", "centili"})
@Import(WebhookEndpointTest.Listener.class)
@ExtendWith(OutputCaptureExtension.class)
class WebhookEndpointTest {

    /** The application's listener: records each event, or fails once when asked to. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Listener {
        final List<BillingEvent> events = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean failNext = new AtomicBoolean();

        @EventListener
        void on(BillingEvent event) {
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("the shop's database is down");
            }
            events.add(event);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RunningSimulators simulators;
    @Autowired
    Listener listener;
    @Autowired
    @Qualifier("eklectic")
    BillingProvider eklectic;
    @Autowired
    @Qualifier("centili")
    BillingProvider centili;
    @Autowired
    EklecticSimulator eklecticSim;

    @BeforeEach
    void reset() {
        simulators.resetAll();
        listener.events.clear();
    }

    @Test
    void aSubscriptionsCallbacksArriveAsApplicationEventsAndAreAcknowledgedAsTheProviderExpects() throws Exception {
        Msisdn msisdn = eklecticSim.sampleMsisdn();
        PinSubscriptions pins = eklectic.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(eklecticSim.sampleSubscribeRequest(msisdn));
        SubscriptionResult result = pins.confirmPin(challenge, eklecticSim.pinSentTo(msisdn).orElseThrow());
        CancelResult cancelled = eklectic.cancellations().orElseThrow().cancel(result.subscription());

        assertThat(cancelled.state()).isEqualTo(SubscriptionState.CANCELLED);
        assertThat(listener.events).extracting(BillingEvent::type)
                .containsExactly(BillingEvent.Type.SUBSCRIBED, BillingEvent.Type.UNSUBSCRIBED);
        assertThat(listener.events).allSatisfy(e -> {
            assertThat(e.provider()).isEqualTo("eklectic");
            assertThat(e.subscription().orElseThrow().id()).isEqualTo(result.subscription().id());
        });

        InboundNotification first = eklecticSim.notifications().get(0);
        Acknowledgement expected = eklectic.notifications().orElseThrow().parse(first).acknowledgement();
        HttpResponse<String> answer = get("/dcb4j/notifications/eklectic?" + rawQuery(first));
        assertThat(answer.statusCode()).isEqualTo(expected.status());
        assertThat(answer.body()).isEqualTo(expected.body());
        assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith(
                expected.contentType().split(";")[0]);
        assertThat(listener.events).as("a repeated delivery is acknowledged, not published again").hasSize(2);
    }

    @Test
    void aSignedProvidersCallbackIsCheckedAndAForgedOneIsRefusedAndLoggedWithoutSecrets(CapturedOutput output)
            throws Exception {
        CentiliSimulator sim = simulators.get("centili", CentiliSimulator.class);
        Msisdn msisdn = sim.sampleMsisdn();
        PinSubscriptions pins = centili.pinSubscriptions().orElseThrow();
        PinChallenge challenge = pins.requestPin(sim.sampleSubscribeRequest(msisdn));
        pins.confirmPin(challenge, sim.pinSentTo(msisdn).orElseThrow());
        assertThat(listener.events).singleElement().satisfies(e -> assertThat(e.provider()).isEqualTo("centili"));

        String forged = rawQuery(sim.notifications().get(0)).replace(CentiliSimulator.NOTIFY_SECRET,
                "forged-secret-value").replace("transactionid=", "transactionid=9");
        HttpResponse<String> answer = get("/dcb4j/notifications/centili?" + forged);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(listener.events).hasSize(1);
        assertThat(output.getAll()).contains("dcb4j refused a centili callback from 127.0.0.1")
                .doesNotContain("forged-secret-value").doesNotContain(CentiliSimulator.NOTIFY_SECRET);
    }

    @Test
    void unknownProvidersMalformedAndOversizedCallbacksAreRefused(CapturedOutput output) throws Exception {
        assertThat(get("/dcb4j/notifications/nope").statusCode()).isEqualTo(404);
        assertThat(output.getAll()).contains("no configured provider 'nope' receives callbacks");

        assertThat(get("/dcb4j/notifications/eklectic").statusCode()).isEqualTo(400);
        assertThat(output.getAll()).contains("dcb4j refused a malformed eklectic callback");

        HttpResponse<String> large = http.send(HttpRequest.newBuilder(url("/dcb4j/notifications/eklectic"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[70 * 1024])).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(listener.events).isEmpty();
    }

    @Test
    void aFailingListenerGetsA500AndTheRedeliveryIsProcessed() throws Exception {
        Msisdn msisdn = eklecticSim.sampleMsisdn();
        PinSubscriptions pins = eklectic.pinSubscriptions().orElseThrow();
        listener.failNext.set(true);
        PinChallenge challenge = pins.requestPin(eklecticSim.sampleSubscribeRequest(msisdn));
        pins.confirmPin(challenge, eklecticSim.pinSentTo(msisdn).orElseThrow());
        assertThat(listener.events).as("the listener failed on the first delivery").isEmpty();

        HttpResponse<String> redelivery = get("/dcb4j/notifications/eklectic?"
                + rawQuery(eklecticSim.notifications().get(0)));

        assertThat(redelivery.statusCode()).isEqualTo(200);
        assertThat(listener.events).extracting(BillingEvent::type).containsExactly(BillingEvent.Type.SUBSCRIBED);
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    /** The notification's query, encoded again as the provider sent it. */
    private static String rawQuery(InboundNotification n) {
        StringBuilder q = new StringBuilder();
        n.queryParameters().forEach((k, values) -> values.forEach(v -> {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(enc(k)).append('=').append(enc(v));
        }));
        return q.toString();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
