package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded {@code examples/target/dcb.jar}, run as users run it ({@code java -jar}), in separate processes:
 * the README's main job, a session against {@code dcb simulate} (subscribe, the PIN piped from {@code dcb sim
 * pin} into confirm, status, cancel), a callback triggered at {@code dcb listen}, each exit code, and the JSON
 * read back. Runs in the package phase, after the jar is built (see the examples pom).
 */
class DcbJarTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Set by the pom's package-phase execution only: in the test phase (with -Dtest, say) the jar is not built yet. */
    static final String JAR_PROPERTY = System.getProperty("dcb.jar");

    @TempDir
    Path dir;

    /** A finished process. */
    record Done(int exit, String out, String err) {
        List<JsonNode> documents() {
            return parse(out);
        }

        JsonNode error() {
            return parse(err).get(0).get("error");
        }
    }

    static List<JsonNode> parse(String text) {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    docs.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON document: " + line, e);
                }
            }
        }
        return docs;
    }

    @org.junit.jupiter.api.BeforeAll
    static void onlyAfterThePackagePhase() {
        org.junit.jupiter.api.Assumptions.assumeTrue(JAR_PROPERTY != null, "runs in the package phase, on the jar");
        assertThat(Path.of(JAR_PROPERTY)).as("built by the shade plugin before this runs").exists();
    }

    static ProcessBuilder dcb(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-jar", JAR_PROPERTY));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("DCB_"));
        return pb;
    }

    static Done run(String stdin, String... args) throws Exception {
        Process p = dcb(args).start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        // read both streams fully before waiting, so that a full pipe cannot block the process
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("dcb " + String.join(" ", args) + " ended").isTrue();
        return new Done(p.exitValue(), out, err.get());
    }

    static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A process that keeps running; its JSON documents are read as they come. */
    static final class Server implements AutoCloseable {
        final Process process;
        final BufferedReader out;

        Server(String... args) throws IOException {
            process = dcb(args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        JsonNode next(String type) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                JsonNode doc = JSON.readTree(line);
                if (doc.get("type").asText().equals(type)) {
                    return doc;
                }
            }
            throw new AssertionError("the process ended before printing a '" + type + "' document");
        }

        int exit() throws InterruptedException {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ended").isTrue();
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }

    @Test
    void theReadmesMainJob() throws Exception {
        Done demo = run(null, "demo");
        assertThat(demo.exit()).as(demo.err()).isZero();
        assertThat(demo.out()).contains("\ndemo: 6 flows passed, 0 failed\n").doesNotContain("FAILED");
        assertThat(demo.err()).isEmpty();
    }

    @Test
    void aSessionAgainstDcbSimulateWithEveryExitCode() throws Exception {
        try (Server sim = new Server("simulate", "eklectic", "--port", "0", "--json")) {
            JsonNode eklectic = sim.next("simulator");
            JsonNode ready = sim.next("ready");
            Path config = Files.writeString(dir.resolve("dcb-sim.properties"), ready.get("config").asText());
            String admin = ready.get("admin").asText();
            String msisdn = eklectic.get("sampleMsisdn").asText();
            String[] ek = {"--provider", "eklectic", "--config", config.toString(), "--offer", "123"};

            Done sub = run(null, with(ek, "subscribe", "--json", "--msisdn", msisdn));
            assertThat(sub.exit()).as(sub.err()).isZero();
            JsonNode challenge = sub.documents().get(0);
            assertThat(challenge.get("next").asText()).startsWith("dcb confirm --provider eklectic --config " + config);

            Done pin = run(null, "sim", "pin", "eklectic", "--admin", admin, "--msisdn", msisdn);
            assertThat(pin.exit()).as(pin.err()).isZero();
            Done confirm = run(pin.out(), with(ek, "confirm", "--json", "--msisdn", msisdn, "--challenge",
                    challenge.get("challengeId").asText()));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            JsonNode active = confirm.documents().get(0);
            assertThat(active.get("state").asText()).isEqualTo("ACTIVE");
            String id = active.get("subscriptionId").asText();
            assertThat(run(null, with(ek, "status", "--json", "--subscription", id)).documents().get(0)
                    .get("state").asText()).isEqualTo("ACTIVE");
            assertThat(run(null, with(ek, "cancel", "--subscription", id)).out()).contains("CANCELLED");

            Done usage = run(null, "status", "--json", "--provider", "eklectic", "--no-such-option");
            assertThat(usage.exit()).isEqualTo(2);
            assertThat(usage.error().get("category").asText()).isEqualTo("usage");
            Done config3 = run(null, "status", "--json", "--provider", "eklectic", "--subscription", id);
            assertThat(config3.exit()).isEqualTo(3);
            assertThat(config3.error().get("missing").get(0).get("env").asText()).isEqualTo("DCB_EKLECTIC_CLIENT_ID");
            String wrong = msisdn.substring(0, msisdn.length() - 4) + "9901";
            JsonNode wrongChallenge = run(null, with(ek, "subscribe", "--json", "--msisdn", wrong)).documents().get(0);
            Done refused = run("0000\n", with(ek, "confirm", "--json", "--msisdn", wrong, "--challenge",
                    wrongChallenge.get("challengeId").asText()));
            assertThat(refused.exit()).isEqualTo(4);
            assertThat(refused.error().get("type").asText()).isEqualTo("InvalidPinException");
            Done unsupported = run(null, "charge", "--json", "--provider", "eklectic", "--config", config.toString(),
                    "--amount", "1", "--currency", "TND");
            assertThat(unsupported.exit()).isEqualTo(5);
            assertThat(unsupported.error().get("category").asText()).isEqualTo("unsupported");

            try (Server listen = new Server("listen", "eklectic", "--port", "0", "--json", "--count", "1")) {
                String url = listen.next("listening").get("url").asText();
                Done trigger = run(null, "trigger", "eklectic", "renew", "--json", "--to", url + "eklectic");
                assertThat(trigger.exit()).as(trigger.err()).isZero();
                assertThat(trigger.documents().get(0).get("answer").get("status").asInt()).isEqualTo(200);
                JsonNode received = listen.next("callback");
                assertThat(received.get("verdict").asText()).isEqualTo("accepted");
                assertThat(received.get("event").get("event").asText()).isEqualTo("RENEWED");
                assertThat(listen.exit()).isZero();
            }

            assertThat(run(null, "sim", "stop", "--admin", admin).exit()).isZero();
            assertThat(sim.next("stopped").get("type").asText()).isEqualTo("stopped");
            assertThat(sim.exit()).isZero();
        }
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Done unknown = run(null, "sim", "pin", "eklectic", "--json", "--admin", "http://127.0.0.1:" + closed,
                "--msisdn", "21612345678");
        assertThat(unknown.exit()).isEqualTo(6);
        assertThat(unknown.error().get("category").asText()).isEqualTo("unknown-outcome");
    }

    private static String[] with(String[] common, String command, String... tail) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
