package io.dcb4j.examples.cli;

import static io.dcb4j.examples.cli.DcbCliTest.envFor;
import static io.dcb4j.examples.cli.DcbCliTest.run;
import static io.dcb4j.examples.cli.ExitCodesAndJsonTest.documents;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dcb4j.centili.CentiliClient;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.examples.cli.DcbCliTest.Run;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traps a new user fell into: where requests go, what a printed command carries, what is asked for. */
class CliTrapsTest {

    @TempDir
    Path dir;

    @Test
    void baseUrlMovesCentilisTokenEndpointToo() {
        try (Simulator sim = Simulators.start("centili")) {
            Map<String, String> env = envFor(sim);
            env.remove("DCB_CENTILI_TOKEN_URL");
            Run r = run(env, "status", "--provider", "centili", "--base-url", sim.baseUrl(), "--charge", "CTX42");
            // the token came from the simulator: the transaction is simply unknown there
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            assertThat(r.err()).startsWith("dcb: NotFoundException");
            assertThat(sim.requests()).extracting(q -> q.method() + " " + q.path())
                    .containsExactly("POST /realms/api/protocol/openid-connect/token",
                            "GET /payments/v3/transactions/CTX42");
        }
    }

    @Test
    void aLoopbackBaseUrlWithATokenUrlElsewhereIsRefusedBeforeAnythingIsSent() {
        try (Simulator sim = Simulators.start("centili")) {
            Map<String, String> env = envFor(sim);
            env.put("DCB_CENTILI_TOKEN_URL", CentiliClient.DEFAULT_TOKEN_URL);
            Run r = run(env, "status", "--provider", "centili", "--base-url", sim.baseUrl(), "--charge", "CTX42");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err().strip()).isEqualTo("dcb: base-url points at " + sim.baseUrl().replace("/payments/v3", "")
                    + " but token-url points at https://auth-capi.centili.com; both must point at the same place (a"
                    + " simulator or sandbox, or production): set token-url (DCB_CENTILI_TOKEN_URL) too, or leave it"
                    + " out to have it follow base-url");
            assertThat(sim.requests()).isEmpty();
        }
    }

    @Test
    void theProvidersEndpointKeysAreFoundInItsConfigurationKeys() {
        assertThat(Configs.endpointKeys("centili")).containsExactly("token-url");
        for (String id : List.of("eklectic", "infomedia", "eclipse-vas", "b2m-aoc")) {
            assertThat(Configs.endpointKeys(id)).as(id).isEmpty();
        }
    }

    @Test
    void theFollowUpCommandCarriesTheConfigFileAndBaseUrlButNoSecret() throws IOException {
        try (Simulator sim = Simulators.start("infomedia")) {
            Path config = dir.resolve("infomedia.properties");
            Files.writeString(config, sim.clientConfig().entrySet().stream().filter(e -> !e.getKey().equals("base-url"))
                    .map(e -> "infomedia." + e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n")));
            Run r = run(Map.of(), "subscribe", "--provider", "infomedia", "--config", config.toString(), "--base-url",
                    sim.baseUrl(), "--msisdn", sim.sampleMsisdn().e164(), "--offer", sim.sampleOffer().value(),
                    "--price", "0.10", "--currency", "AED", "--frequency", "day", "--description", "Service Name");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("Then run: dcb confirm --provider infomedia --config " + config
                    + " --base-url " + sim.baseUrl() + " --msisdn <msisdn> --offer 8000000 --price 0.10 --currency AED"
                    + " --frequency day --description 'Service Name'");
            assertThat(r.out()).doesNotContain(sim.clientConfig().get("password"), sim.clientConfig().get("api-key"),
                    sim.sampleMsisdn().digits());
        }
    }

    @Test
    void notifyParseNeedsNoApiCredentialsForAnyProvider() {
        for (String id : Simulators.ids()) {
            try (Simulator sim = Simulators.start(id); BillingProvider client = sim.newClient()) {
                walkToACallback(sim, client);
                InboundNotification n = sim.notifications().get(0);
                Map<String, String> env = new HashMap<>();
                // only the callback settings the simulator's callbacks need: never a credential
                sim.clientConfig().forEach((k, v) -> {
                    if (k.startsWith("notification-")) {
                        env.put(Configs.env(id, k), v);
                    }
                });
                List<String> args = new java.util.ArrayList<>(List.of("notify-parse", "--json", "--provider", id,
                        "--method", n.method(), "--url", n.path() + "?" + query(n)));
                n.headers().forEach((name, values) -> values.forEach(v -> {
                    args.add("--header");
                    args.add(name + ": " + v);
                }));
                if (n.body().length > 0) {
                    Path body = write(id + ".body", n.body());
                    args.add("--body-file");
                    args.add(body.toString());
                }
                Run r = run(env, args.toArray(String[]::new));
                assertThat(r.exit()).as(id + ": " + r.err()).isZero();
                JsonNode event = documents(r.out()).get(0);
                assertThat(event.get("type").asText()).isEqualTo("event");
                assertThat(event.get("provider").asText()).isEqualTo(id);
                assertThat(event.get("event").asText()).isNotEqualTo("UNKNOWN");
            }
        }
    }

    @Test
    void aCallbackThatFailsVerificationExits4WithTheReason() throws IOException {
        try (Simulator sim = Simulators.start("eclipse-vas"); BillingProvider client = sim.newClient()) {
            walkToACallback(sim, client);
            InboundNotification n = sim.notifications().get(0);
            Path body = write("eclipse.body", n.body());
            Run r = run(Map.of("DCB_ECLIPSE_VAS_NOTIFICATION_SECRET", "another-key"), "notify-parse", "--json",
                    "--provider", "eclipse-vas", "--body-file", body.toString(), "--header",
                    "Eclipse-Signature: " + n.header("Eclipse-Signature").orElseThrow(), "--header",
                    "Content-Type: application/json");
            assertThat(r.exit()).isEqualTo(4);
            JsonNode verdict = documents(r.out()).get(0);
            assertThat(verdict.get("verdict").asText()).isEqualTo("rejected");
            assertThat(verdict.get("reason").asText()).containsIgnoringCase("signature");
        }
    }

    @Test
    void theEclipseCatalogPrintsWhatChargeOfferTakesAndQueryFindsPartnersByIdAndName() {
        try (Simulator sim = Simulators.start("eclipse-vas")) {
            Map<String, String> env = envFor(sim);
            String[] common = {"--provider", "eclipse-vas", "--base-url", sim.baseUrl()};
            Run byId = run(env, concat("catalog", common, "--query", "5"));
            assertThat(byId.exit()).as(byId.err()).isZero();
            assertThat(byId.out()).contains("partner 5 Vodacom", "  5_VD50  DATA2.5GB", "1 partner, 16 products")
                    .doesNotContain("partner 4 MTN");
            Run byName = run(env, concat("catalog", common, "--query", "vodA"));
            assertThat(byName.out()).isEqualTo(byId.out());
            Run dynamic = run(env, concat("catalog", common, "--query", "20"));
            assertThat(dynamic.out()).contains("partner 20 FrontierWebServices", "20_500  BE MOBILE 10");
            Run none = run(env, concat("catalog", common, "--query", "nothing-like-this"));
            assertThat(none.exit()).isZero();
            assertThat(none.out()).contains("0 partners, 0 products");

            List<JsonNode> products = documents(run(env, concat("catalog", common, "--json", "--query", "5")).out());
            assertThat(products).hasSize(16);
            String offer = products.stream().filter(p -> p.get("productId").asText().equals("VD50")).findFirst()
                    .orElseThrow().get("offer").asText();
            assertThat(offer).isEqualTo("5_VD50");
            Run charge = run(env, concat("charge", common, "--msisdn", sim.sampleMsisdn().e164(), "--amount", "155",
                    "--currency", "ZAR", "--offer", offer));
            assertThat(charge.exit()).as(charge.err()).isZero();
            assertThat(charge.out()).contains("amount 155.00 ZAR");
        }
    }

    @Test
    void theDemoMarksSimulatorStepsAndPrintsAFailurePathsHeadingFirst() {
        Run r = run(Map.of(), "demo", "--provider", "b2m-aoc", "--provider", "centili", "--provider", "eclipse-vas");
        assertThat(r.exit()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).contains("  [   sim  ] provider settles           charge 172600");
        assertThat(r.out()).containsPattern("\n  \\[   sim  ] subscriber approves        REDIRECT to http://127");
        assertThat(r.out()).doesNotContainPattern("\\[ +\\d+ ms] (subscriber|provider)");
        int heading = lines.indexOf(lines.stream().filter(l -> l.startsWith("  failure path: insufficient funds"))
                .findFirst().orElseThrow());
        assertThat(lines.get(heading + 1)).startsWith("    [").contains("] charge ");
        assertThat(r.out()).contains("amount 155.00 ZAR").doesNotContain("155.000000000");
        assertThat(r.out()).contains("capabilities: [PIN_SUBSCRIPTION, ONE_OFF_CHARGE, CHARGE_STATUS,"
                + " SUBSCRIPTION_STATUS, CANCEL, NOTIFICATIONS]");
        assertThat(r.out()).contains("CHARGED (success), event id centili:CTX100003:success, charge CTX100003,")
                .doesNotContain("subscription CTX100003");
        assertThat(r.out()).contains("dcb demo: 3 provider flows", "demo: 3 flows passed, 0 failed");
        assertThat(run(Map.of(), "demo", "-p", "eklectic").out()).contains("dcb demo: 1 provider flow against",
                "demo: 1 flow passed, 0 failed");
    }

    @Test
    void theDemoAsJsonIsOneDocumentPerStep() {
        Run r = run(Map.of(), "demo", "--json", "-p", "eklectic");
        assertThat(r.exit()).isZero();
        List<JsonNode> docs = documents(r.out());
        assertThat(docs.get(0).get("type").asText()).isEqualTo("demoFlow");
        assertThat(docs.get(0).get("capabilities")).extracting(JsonNode::asText)
                .containsExactly("PIN_SUBSCRIPTION", "SUBSCRIPTION_STATUS", "CANCEL", "NOTIFICATIONS");
        assertThat(docs).filteredOn(d -> d.get("type").asText().equals("demoStep")).extracting(d -> d.get("by").asText())
                .contains("sdk", "simulator");
        assertThat(docs.get(docs.size() - 2).get("passed").asBoolean()).isTrue();
        assertThat(docs.get(docs.size() - 1).get("type").asText()).isEqualTo("demoSummary");
    }

    /** Drives the simulator until it has emitted a callback, as the demo does. */
    static void walkToACallback(Simulator sim, BillingProvider client) {
        if (client.pinSubscriptions().isPresent()) {
            var pins = client.pinSubscriptions().get();
            var c = pins.requestPin(sim.sampleSubscribeRequest(sim.sampleMsisdn()));
            pins.confirmPin(c, sim.pinSentTo(sim.sampleMsisdn()).orElseThrow());
        } else {
            var charges = client.charges().orElseThrow();
            var started = charges.charge(sim.sampleCharge(sim.sampleMsisdn()));
            if (started.nextAction().type() != NextAction.Type.NONE) {
                sim.actAsSubscriber(started.nextAction(), true);
            }
            if (!charges.status(started.charge()).state().isFinal()) {
                sim.settle(started.charge());
            }
        }
        assertThat(sim.notifications()).isNotEmpty();
    }

    private static String query(InboundNotification n) {
        StringBuilder sb = new StringBuilder();
        n.queryParameters().forEach((k, vs) -> vs.forEach(v -> sb.append(sb.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return sb.toString();
    }

    private Path write(String name, byte[] body) {
        try {
            return Files.write(dir.resolve(name), body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String[] concat(String command, String[] common, String... tail) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
