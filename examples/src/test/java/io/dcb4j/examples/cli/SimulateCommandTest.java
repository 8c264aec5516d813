package io.dcb4j.examples.cli;

import static io.dcb4j.examples.cli.DcbCliTest.run;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.JSON;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.documents;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.withStdin;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.examples.cli.DcbCliTest.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dcb simulate} runs in the background of the test; the other commands reach it with the printed
 * configuration, and {@code dcb sim} plays the subscriber and the provider through its admin API.
 */
class SimulateCommandTest {

    @TempDir
    Path dir;

    /** A command that keeps running, in a thread of the test. */
    static final class Background implements AutoCloseable {
        final LineQueue out = new LineQueue();
        final StringWriter err = new StringWriter();
        private final Thread thread;
        private volatile int exit = -1;

        Background(Map<String, String> env, String... args) {
            thread = new Thread(() -> exit = DcbCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                    env).execute(args), "dcb-" + args[0]);
            thread.setDaemon(true);
            thread.start();
        }

        int join() throws InterruptedException {
            thread.join(60_000);
            assertThat(thread.isAlive()).as("the command ended").isFalse();
            return exit;
        }

        @Override
        public void close() throws InterruptedException {
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(10_000);
            }
        }
    }

    @Test
    void aNewUsersSessionAgainstTheSimulators() throws Exception {
        try (Background sim = new Background(Map.of(), "simulate", "--json", "--port", "0", "eklectic", "centili",
                "b2m-aoc")) {
            List<JsonNode> simulators = new ArrayList<>();
            JsonNode ready = null;
            while (ready == null) {
                JsonNode doc = JSON.readTree(sim.out.await(l -> l.startsWith("{")));
                if (doc.get("type").asText().equals("simulator")) {
                    simulators.add(doc);
                } else if (doc.get("type").asText().equals("ready")) {
                    ready = doc;
                }
            }
            assertThat(simulators).extracting(d -> d.get("provider").asText())
                    .containsExactly("eklectic", "centili", "b2m-aoc");
            assertThat(simulators).allSatisfy(d -> assertThat(d.get("baseUrl").asText()).startsWith("http://127.0.0.1:"));
            Path config = Files.writeString(dir.resolve("sims.properties"), ready.get("config").asText());
            String admin = ready.get("admin").asText();
            String[] eklectic = {"--provider", "eklectic", "--config", config.toString()};
            String msisdn = simulators.get(0).get("sampleMsisdn").asText();
            String offer = simulators.get(0).get("sampleOffer").asText();

            Run sub = run(Map.of(), concat("subscribe", eklectic, "--json", "--msisdn", msisdn, "--offer", offer));
            assertThat(sub.exit()).as(sub.err()).isZero();
            JsonNode challenge = documents(sub.out()).get(0);
            assertThat(challenge.get("next").asText()).contains("--config " + config);

            Run pin = run(Map.of("DCB_SIM_ADMIN", admin), "sim", "pin", "eklectic", "--msisdn", msisdn);
            assertThat(pin.exit()).as(pin.err()).isZero();
            assertThat(pin.out().strip()).matches("\\d{4}");
            Run confirm = withStdin(pin.out(), () -> run(Map.of(), concat("confirm", eklectic, "--json", "--msisdn",
                    msisdn, "--offer", offer, "--challenge", challenge.get("challengeId").asText())));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            String id = documents(confirm.out()).get(0).get("subscriptionId").asText();
            assertThat(run(Map.of(), concat("status", eklectic, "--subscription", id)).out()).contains("ACTIVE");
            assertThat(run(Map.of(), "sim", "renew", "eklectic", "--admin", admin, "--subscription", id).exit()).isZero();
            List<JsonNode> callbacks = documents(run(Map.of(), "sim", "callbacks", "eklectic", "--json", "--admin",
                    admin).out());
            assertThat(callbacks).extracting(c -> c.get("query").get("action").asText()).containsExactly("SUB", "RENEW");
            assertThat(callbacks.get(0).get("query").get("msisdn").asText()).isNotEqualTo(msisdn).contains("*");
            assertThat(run(Map.of(), concat("cancel", eklectic, "--subscription", id)).out()).contains("CANCELLED");

            String[] centili = {"--provider", "centili", "--config", config.toString()};
            Run charge = run(Map.of(), concat("charge", centili, "--msisdn", simulators.get(1).get("sampleMsisdn")
                    .asText(), "--amount", "120", "--currency", "RSD", "--offer", "svc-sim-coins"));
            assertThat(charge.exit()).as(charge.err()).isZero();
            String approve = charge.out().lines().filter(l -> l.startsWith("On a simulator, play the subscriber with: "))
                    .findFirst().orElseThrow().substring("On a simulator, play the subscriber with: dcb ".length());
            assertThat(approve).startsWith("sim approve centili http://127.0.0.1:");
            List<String> act = new ArrayList<>(List.of(approve.split(" ")));
            act.addAll(List.of("--admin", admin));
            assertThat(run(Map.of(), act.toArray(String[]::new)).exit()).isZero();
            String status = charge.out().lines().filter(l -> l.startsWith("Then run: dcb ")).findFirst().orElseThrow()
                    .substring("Then run: dcb ".length());
            assertThat(run(Map.of(), status.split(" ")).out()).contains("SUCCEEDED [COMPLETED], amount 120.00 RSD");

            String[] b2m = {"--provider", "b2m-aoc", "--config", config.toString()};
            JsonNode started = documents(run(Map.of(), concat("charge", b2m, "--json", "--msisdn", simulators.get(2)
                    .get("sampleMsisdn").asText(), "--amount", "10", "--currency", "BDT", "--offer", "GAMES")).out())
                    .get(0);
            String chargeId = started.get("chargeId").asText();
            assertThat(run(Map.of(), "sim", "settle", "b2m-aoc", "--admin", admin, "--charge", chargeId).exit())
                    .as("before the subscriber consented").isEqualTo(4);
            assertThat(run(Map.of(), "sim", "approve", "b2m-aoc", "--admin", admin,
                    started.get("nextAction").get("url").asText()).exit()).isZero();
            Run fail = run(Map.of(), "sim", "fail", "b2m-aoc", "--json", "--admin", admin, "--charge", chargeId);
            assertThat(fail.exit()).as(fail.err()).isZero();
            assertThat(documents(fail.out()).get(0).get("settled").asText()).isEqualTo("failed");
            JsonNode denied = documents(run(Map.of(), concat("status", b2m, "--json", "--charge", chargeId)).out()).get(0);
            assertThat(denied.get("state").asText()).isEqualTo("DENIED");
            Run renew = run(Map.of(), "sim", "renew", "b2m-aoc", "--json", "--admin", admin, "--subscription", "SP1");
            assertThat(renew.exit()).isEqualTo(5);
            assertThat(documents(renew.err()).get(0).get("error").get("message").asText())
                    .contains("does not renew subscriptions by itself");

            Run stop = run(Map.of(), "sim", "stop", "--admin", admin);
            assertThat(stop.exit()).isZero();
            assertThat(sim.join()).isZero();
            assertThat(sim.out.all()).last().satisfies(l -> assertThat(JSON.readTree(l).get("type").asText())
                    .isEqualTo("stopped"));
        }
    }

    @Test
    void theHumanOutputGivesTheConfigFileTheMagicNumbersAndWritesTheFile() throws Exception {
        Path file = dir.resolve("written.properties");
        try (Background sim = new Background(Map.of(), "simulate", "--port", "0", "--write-config", file.toString(),
                "infomedia")) {
            sim.out.await(l -> l.startsWith("Ready."));
            String printed = String.join("\n", sim.out.all());
            assertThat(printed).contains("dcb simulate: 1 simulator on 127.0.0.1 (loopback only)",
                    "  9901  WRONG_PIN           every PIN is wrong", "infomedia.api-key=sim-infomedia-api-key",
                    "infomedia.base-url=http://127.0.0.1:", "subscriber 971500001234, offer 8000000",
                    "--config file for these simulators (written to " + file + "):");
            assertThat(Files.readString(file)).contains("infomedia.api-key=sim-infomedia-api-key");
            String admin = printed.replaceAll("(?s).*Admin API: (\\S+).*", "$1");
            assertThat(run(Map.of(), "sim", "stop", "--admin", admin).exit()).isZero();
            assertThat(sim.join()).isZero();
        }
    }

    @Test
    void aTakenPortIsAUsageErrorAndSimWithoutASimulatorExits6() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = run(Map.of(), "simulate", "--port", Integer.toString(taken.getLocalPort()), "eklectic");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("cannot start the admin API", "choose another --port");
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Run none = run(Map.of(), "sim", "pin", "eklectic", "--admin", "http://127.0.0.1:" + closed, "--msisdn",
                "21612345678");
        assertThat(none.exit()).isEqualTo(6);
        assertThat(none.err()).contains("no simulator admin API at http://127.0.0.1:" + closed);
        assertThat(run(Map.of(), "simulate", "nope").exit()).isEqualTo(2);
    }

    private static String[] concat(String command, String[] common, String... tail) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
