package io.dcb4j.examples.cli;

import static io.dcb4j.examples.cli.DcbCliTest.run;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.JSON;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.documents;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.withStdin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.dcb4j.examples.cli.DcbCliTest.Run;
import io.dcb4j.examples.cli.SimulateCommandTest.Background;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code dcb trigger} sends authenticated callbacks to an endpoint; {@code dcb listen} verifies what it receives,
 * says why it refuses, and forwards what it accepts to the merchant's endpoint (here a small server of the test).
 */
class TriggerAndListenTest {

    /** The eklectic endpoint's settings: the secret travels in the parameter {@code key}. */
    static final Map<String, String> EKLECTIC = Map.of("DCB_EKLECTIC_NOTIFICATION_SECRET", "shop-secret-7",
            "DCB_EKLECTIC_NOTIFICATION_SECRET_PARAMETER", "key");

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    HttpServer merchant;
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile int merchantStatus = 200;

    @BeforeEach
    void startMerchant() throws Exception {
        merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchant.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "OK merchant".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(merchantStatus, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        merchant.start();
    }

    @AfterEach
    void stopMerchant() {
        merchant.stop(0);
    }

    String merchantUrl() {
        return "http://127.0.0.1:" + merchant.getAddress().getPort() + "/shop/eklectic";
    }

    static String listeningUrl(Background listen) throws InterruptedException {
        JsonNode doc;
        try {
            doc = JSON.readTree(listen.out.await(l -> l.contains("\"listening\"")));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return doc.get("url").asText();
    }

    static JsonNode nextCallback(Background listen) throws Exception {
        return JSON.readTree(listen.out.await(l -> l.contains("\"type\":\"callback\"")));
    }

    @Test
    void listenVerifiesForwardsWhatItAcceptsAndSaysWhyItRefuses() throws Exception {
        try (Background listen = new Background(EKLECTIC, "listen", "eklectic", "--json", "--port", "0",
                "--forward-to", merchantUrl(), "--count", "4")) {
            String url = listeningUrl(listen);
            assertThat(url).startsWith("http://127.0.0.1:");

            Run ok = run(EKLECTIC, "trigger", "eklectic", "subscribe", "--json", "--to", url + "eklectic");
            assertThat(ok.exit()).as(ok.err()).isZero();
            JsonNode sent = documents(ok.out()).get(0);
            assertThat(sent.get("authentication").asText()).isEqualTo("shared secret");
            assertThat(sent.get("url").asText()).contains("key=***").doesNotContain("shop-secret-7");
            assertThat(sent.get("answer").get("status").asInt()).isEqualTo(200);
            assertThat(sent.get("answer").get("body").asText()).as("the merchant's answer, relayed")
                    .isEqualTo("OK merchant");
            JsonNode accepted = nextCallback(listen);
            assertThat(accepted.get("verdict").asText()).isEqualTo("accepted");
            assertThat(accepted.get("event").get("event").asText()).isEqualTo("SUBSCRIBED");
            assertThat(accepted.get("forwarded").get("status").asInt()).isEqualTo(200);
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).startsWith("GET /shop/eklectic?action=SUB&").contains("&key=shop-secret-7");

            Map<String, String> wrong = Map.of("DCB_EKLECTIC_NOTIFICATION_SECRET", "guessed",
                    "DCB_EKLECTIC_NOTIFICATION_SECRET_PARAMETER", "key");
            Run refused = run(wrong, "trigger", "eklectic", "renew", "--json", "--to", url + "eklectic");
            assertThat(refused.exit()).isEqualTo(4);
            assertThat(documents(refused.out()).get(0).get("answer").get("status").asInt()).isEqualTo(401);
            JsonNode rejected = nextCallback(listen);
            assertThat(rejected.get("verdict").asText()).isEqualTo("rejected");
            assertThat(rejected.get("reason").asText()).contains("shared secret does not match");

            Run bare = run(EKLECTIC, "trigger", "eklectic", "unsubscribe", "--unauthenticated", "--to", url);
            assertThat(bare.exit()).isEqualTo(4);
            assertThat(bare.out()).contains("(unauthenticated)", "answer: HTTP 401");
            assertThat(nextCallback(listen).get("reason").asText()).contains("shared secret missing");

            HttpResponse<String> malformed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url + "?key=shop-secret-7&action=RENEW")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(malformed.statusCode()).isEqualTo(400);
            JsonNode bad = nextCallback(listen);
            assertThat(bad.get("verdict").asText()).isEqualTo("malformed");
            assertThat(bad.get("reason").asText()).contains("'transaction' is missing");
            assertThat(received).as("only the accepted callback reached the merchant").hasSize(1);
            assertThat(listen.join()).isZero();
        }
    }

    @Test
    void eclipseCallbacksAreSignedAndASignatureFromAnotherKeyIsRefused() throws Exception {
        Map<String, String> key = Map.of("DCB_ECLIPSE_VAS_NOTIFICATION_SECRET", "tenant-hmac-key");
        try (Background listen = new Background(key, "listen", "--provider", "eclipse-vas", "--port", "0", "--json",
                "--count", "2")) {
            String url = listeningUrl(listen);
            Run ok = run(key, "trigger", "eclipse-vas", "charge-failed", "--to", url + "eclipse", "--charge", "172699");
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
            assertThat(ok.out()).contains("sent eclipse-vas charge-failed (signature): POST " + url + "eclipse");
            JsonNode accepted = nextCallback(listen);
            assertThat(accepted.get("event").get("event").asText()).isEqualTo("CHARGE_FAILED");
            assertThat(accepted.get("event").get("failureReason").asText()).isEqualTo("INSUFFICIENT_FUNDS");
            assertThat(accepted.get("event").get("chargeId").asText()).isEqualTo("172699");

            Run forged = run(Map.of("DCB_ECLIPSE_VAS_NOTIFICATION_SECRET", "another-key"), "trigger", "eclipse-vas",
                    "charge-succeeded", "--to", url);
            assertThat(forged.exit()).isEqualTo(4);
            assertThat(nextCallback(listen).get("reason").asText()).containsIgnoringCase("signature");
            assertThat(listen.join()).isZero();
        }
    }

    @Test
    void camaraCallbacksAreCloudEventsWithTheSinkCredentialAndAnotherTokenIsRefused() throws Exception {
        Map<String, String> sink = Map.of("DCB_CAMARA_NOTIFICATION_SECRET", "sink-token-31");
        try (Background listen = new Background(sink, "listen", "camara", "--port", "0", "--json", "--count", "2")) {
            String url = listeningUrl(listen);
            Run ok = run(sink, "trigger", "camara", "charge-succeeded", "--json", "--to", url + "camara",
                    "--charge", "pay-77");
            assertThat(ok.exit()).as(ok.out() + ok.err()).isZero();
            JsonNode sent = documents(ok.out()).get(0);
            assertThat(sent.get("method").asText()).isEqualTo("POST");
            assertThat(sent.get("authentication").asText()).isEqualTo("bearer token");
            assertThat(sent.get("answer").get("status").asInt()).isEqualTo(204);
            JsonNode accepted = nextCallback(listen);
            assertThat(accepted.get("verdict").asText()).isEqualTo("accepted");
            assertThat(accepted.get("event").get("event").asText()).isEqualTo("CHARGED");
            assertThat(accepted.get("event").get("chargeId").asText()).isEqualTo("pay-77");

            Run forged = run(Map.of("DCB_CAMARA_NOTIFICATION_SECRET", "guessed"), "trigger", "camara",
                    "charge-failed", "--to", url);
            assertThat(forged.exit()).isEqualTo(4);
            assertThat(nextCallback(listen).get("verdict").asText()).isEqualTo("rejected");
            assertThat(listen.join()).isZero();
        }
    }

    @Test
    void triggersExitCodesFollowTheEndpointsAnswer() throws Exception {
        Run unsupported = run(Map.of(), "trigger", "eclipse-vas", "subscribe", "--to", merchantUrl());
        assertThat(unsupported.exit()).isEqualTo(5);
        assertThat(unsupported.err()).contains("eclipse-vas sends no subscribe callback; it sends: charge-succeeded,"
                + " charge-failed");
        assertThat(run(Map.of(), "trigger", "eklectic", "refund", "--to", merchantUrl()).exit()).isEqualTo(2);
        assertThat(received).isEmpty();

        Run ok = run(Map.of(), "trigger", "infomedia", "charge-failed", "--to", merchantUrl(), "--msisdn",
                "971500009911", "--amount", "2.5", "--currency", "AED");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(received.get(0)).contains("msisdn=971500009911", "etid=5", "chargeAmount=2.5", "transactionStatus=AA");
        assertThat(ok.out()).contains("msisdn=9715******11").doesNotContain("971500009911");

        merchantStatus = 500;
        assertThat(run(Map.of(), "trigger", "b2m-aoc", "unsubscribe", "--to", merchantUrl()).exit()).isEqualTo(6);
        assertThat(received.get(1)).startsWith("POST /shop/eklectic ").contains("\"status\":\"unsubscribed\"");

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Run down = run(Map.of(), "trigger", "centili", "charge-succeeded", "--json", "--to", "http://127.0.0.1:" + closed);
        assertThat(down.exit()).isEqualTo(6);
        assertThat(documents(down.err()).get(0).get("error").get("category").asText()).isEqualTo("unknown-outcome");
    }

    @Test
    void theSimulatorsDeliverTheirCallbacksToListen() throws Exception {
        try (Background listen = new Background(Map.of(), "listen", "eklectic", "--port", "0", "--json", "--count", "1");
                Background sim = new Background(Map.of(), "simulate", "eklectic", "--port", "0", "--json",
                        "--deliver-to", listeningUrl(listen) + "eklectic")) {
            JsonNode ready = JSON.readTree(sim.out.await(l -> l.contains("\"ready\"")));
            String config = java.nio.file.Files.writeString(dir.resolve("sims.properties"),
                    ready.get("config").asText()).toString();
            Run sub = run(Map.of(), "subscribe", "--json", "--provider", "eklectic", "--config", config, "--msisdn",
                    "21612345678", "--offer", "123");
            String pin = run(Map.of(), "sim", "pin", "eklectic", "--admin", ready.get("admin").asText(), "--msisdn",
                    "21612345678").out();
            Run confirm = withStdin(pin, () -> run(Map.of(), "confirm", "--provider", "eklectic", "--config", config,
                    "--msisdn", "21612345678", "--offer", "123", "--challenge",
                    documents(sub.out()).get(0).get("challengeId").asText()));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            JsonNode delivered = nextCallback(listen);
            assertThat(delivered.get("verdict").asText()).isEqualTo("accepted");
            assertThat(delivered.get("event").get("event").asText()).isEqualTo("SUBSCRIBED");
            assertThat(listen.join()).isZero();
            assertThat(run(Map.of(), "sim", "stop", "--admin", ready.get("admin").asText()).exit()).isZero();
            assertThat(sim.join()).isZero();
        }
    }
}
