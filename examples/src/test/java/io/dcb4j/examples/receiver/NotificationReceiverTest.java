package io.dcb4j.examples.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class NotificationReceiverTest {

    @Test
    void parsesCallbacksDeliveredByASimulatorAndAcknowledgesThem() throws Exception {
        List<BillingEvent> events = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulators.start("eklectic"); BillingProvider client = sim.newClient();
                NotificationReceiver receiver = NotificationReceiver.start(0, client.notifications().orElseThrow(),
                        events::add)) {
            sim.deliverNotificationsTo("http://127.0.0.1:" + receiver.port() + "/dcb/eklectic");
            var pins = client.pinSubscriptions().orElseThrow();
            var challenge = pins.requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()));
            pins.confirmPin(challenge, sim.pinSentTo(sim.sampleMsisdn()).orElseThrow());
            assertThat(events).extracting(BillingEvent::type).contains(BillingEvent.Type.SUBSCRIBED);

            HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + receiver.port() + "/dcb/eklectic?action=RENEW")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
        }
    }
}
