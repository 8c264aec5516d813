package io.dcb4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.spi.json.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulators as a standalone server, driven through the admin API the way {@code dcb sim} drives it. */
class SimulatorServerTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    record Answer(int status, JsonNode json) {
    }

    static Answer get(SimulatorServer server, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), Json.treeOrNull(r.body()));
    }

    static Answer post(SimulatorServer server, String path, Map<String, ?> body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.adminUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.write(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), Json.treeOrNull(r.body()));
    }

    @Test
    void bindsLoopbackByDefaultAndDescribesEachSimulator() throws Exception {
        try (SimulatorServer server = SimulatorServer.builder().providers(List.of("eklectic", "centili")).start()) {
            assertThat(server.adminUrl()).startsWith("http://127.0.0.1:");
            assertThat(server.simulators()).containsOnlyKeys("eklectic", "centili");
            assertThat(List.copyOf(server.simulators().keySet())).containsExactly("eklectic", "centili");
            Answer all = get(server, "/");
            assertThat(all.status()).isEqualTo(200);
            JsonNode eklectic = all.json().get("simulators").get(0);
            assertThat(eklectic.get("provider").asText()).isEqualTo("eklectic");
            assertThat(eklectic.get("baseUrl").asText()).startsWith("http://127.0.0.1:").endsWith("/API");
            assertThat(eklectic.get("config").get("client-secret").asText()).isEqualTo("sim-eklectic-secret");
            assertThat(eklectic.get("magicMsisdns").get("WRONG_PIN").asText()).isEqualTo("21612349901");
            for (Simulator sim : server.simulators().values()) {
                assertThat(InetAddress.getByName(URI.create(sim.baseUrl()).getHost()).isLoopbackAddress()).isTrue();
            }
        }
    }

    @Test
    void playsTheSubscriberAndTheProviderFromOutside() throws Exception {
        try (SimulatorServer server = SimulatorServer.builder().providers(List.of("eklectic", "centili", "b2m-aoc",
                "eclipse-vas")).start()) {
            Simulator eklectic = server.simulators().get("eklectic");
            try (BillingProvider client = eklectic.newClient()) {
                var pins = client.pinSubscriptions().orElseThrow();
                PinChallenge c = pins.requestPin(eklectic.sampleSubscribeRequest(eklectic.sampleMsisdn()));
                Answer pin = get(server, "/eklectic/pin?msisdn=" + eklectic.sampleMsisdn().digits());
                assertThat(pin.status()).isEqualTo(200);
                String id = pins.confirmPin(c, pin.json().get("pin").asText()).subscription().id();
                assertThat(post(server, "/eklectic/renew", Map.of("subscription", id)).status()).isEqualTo(200);
                Answer callbacks = get(server, "/eklectic/callbacks");
                assertThat(callbacks.json().get("callbacks")).extracting(n -> n.get("query").get("action").asText())
                        .containsExactly("SUB", "RENEW");
                assertThat(client.notifications().orElseThrow().parse(eklectic.notifications().get(1)).type())
                        .isEqualTo(BillingEvent.Type.RENEWED);
            }
            Answer noPin = get(server, "/eklectic/pin?msisdn=21699999999");
            assertThat(noPin.status()).isEqualTo(404);

            Simulator centili = server.simulators().get("centili");
            try (BillingProvider client = centili.newClient()) {
                ChargeResult started = client.charges().orElseThrow().charge(centili.sampleCharge(centili.sampleMsisdn()));
                String url = ((NextAction.Redirect) started.nextAction()).url();
                assertThat(post(server, "/centili/approve", Map.of("url", url)).status()).isEqualTo(200);
                assertThat(client.charges().orElseThrow().status(started.charge()).state())
                        .isEqualTo(ChargeState.SUCCEEDED);
                ChargeResult other = client.charges().orElseThrow().charge(centili.sampleCharge(centili.sampleMsisdn()));
                assertThat(post(server, "/centili/fail", Map.of("charge", other.charge().id())).status()).isEqualTo(200);
                ChargeResult failed = client.charges().orElseThrow().status(other.charge());
                assertThat(failed.state()).isEqualTo(ChargeState.DENIED);
                assertThat(failed.failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
            }

            Simulator b2m = server.simulators().get("b2m-aoc");
            try (BillingProvider client = b2m.newClient()) {
                ChargeResult started = client.charges().orElseThrow().charge(b2m.sampleCharge(b2m.sampleMsisdn()));
                Answer early = post(server, "/b2m-aoc/settle", Map.of("charge", started.charge().id()));
                assertThat(early.status()).as("before consent").isEqualTo(409);
                String url = ((NextAction.Redirect) started.nextAction()).url();
                assertThat(post(server, "/b2m-aoc/deny", Map.of("url", url)).status()).isEqualTo(200);
                assertThat(client.charges().orElseThrow().status(started.charge()).state()).isEqualTo(ChargeState.DENIED);
                ChargeResult second = client.charges().orElseThrow().charge(b2m.sampleCharge(b2m.sampleMsisdn()));
                post(server, "/b2m-aoc/approve", Map.of("url", ((NextAction.Redirect) second.nextAction()).url()));
                assertThat(post(server, "/b2m-aoc/settle?charge=" + second.charge().id(), Map.of()).status())
                        .isEqualTo(200);
                assertThat(client.charges().orElseThrow().status(second.charge()).state())
                        .isEqualTo(ChargeState.SUCCEEDED);
                assertThat(post(server, "/b2m-aoc/renew", Map.of("subscription", "SP1")).status()).isEqualTo(501);
            }

            Simulator vas = server.simulators().get("eclipse-vas");
            try (BillingProvider client = vas.newClient()) {
                ChargeResult started = client.charges().orElseThrow().charge(vas.sampleCharge(vas.sampleMsisdn()));
                assertThat(post(server, "/eclipse-vas/fail", Map.of("charge", started.charge().id())).status())
                        .isEqualTo(200);
                ChargeResult failed = client.charges().orElseThrow().status(started.charge());
                assertThat(failed.failureReason()).isEqualTo(FailureReason.INSUFFICIENT_FUNDS);
                BillingEvent event = client.notifications().orElseThrow().parse(vas.notifications().get(0));
                assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
            }
        }
    }

    @Test
    void answersMistakesWithTheirStatus() throws Exception {
        try (SimulatorServer server = SimulatorServer.builder().providers(List.of("eklectic")).start()) {
            assertThat(get(server, "/centili/callbacks").status()).isEqualTo(404);
            assertThat(get(server, "/eklectic/nothing").status()).isEqualTo(404);
            assertThat(post(server, "/eklectic/approve", Map.of()).status()).isEqualTo(400);
            assertThat(post(server, "/eklectic/approve", Map.of("url", "http://x/y")).status()).isEqualTo(501);
            assertThat(post(server, "/eklectic/renew", Map.of("subscription", "42")).status()).isEqualTo(400);
            assertThat(get(server, "/eklectic/renew").status()).isEqualTo(405);
            Answer bad = get(server, "/eklectic/pin?msisdn=12ab");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void stopsOnRequest() throws Exception {
        SimulatorServer server = SimulatorServer.builder().providers(List.of("infomedia")).start();
        String base = server.simulators().get("infomedia").baseUrl();
        assertThat(post(server, "/stop", Map.of()).status()).isEqualTo(200);
        assertThat(server.awaitStop(Duration.ofSeconds(10))).isTrue();
        try (var socket = new java.net.Socket()) {
            URI u = URI.create(base);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.connect(
                    new java.net.InetSocketAddress(u.getHost(), u.getPort()), 2000))
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void refusesAProviderWithoutASimulator() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SimulatorServer.builder()
                .providers(List.of("nope")).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no simulator for provider 'nope'");
    }
}
