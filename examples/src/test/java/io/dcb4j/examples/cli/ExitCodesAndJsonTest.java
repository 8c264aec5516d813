package io.dcb4j.examples.cli;

import static io.dcb4j.examples.cli.DcbCliTest.envFor;
import static io.dcb4j.examples.cli.DcbCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.examples.cli.DcbCliTest.Run;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each kind of outcome has its own exit code, and with {@code --json} every result is one JSON document per
 * line on standard output and every error one JSON document on standard error: both are parsed back here.
 */
class ExitCodesAndJsonTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> documents(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (java.io.IOException e) {
                throw new AssertionError("not one JSON document per line: " + l, e);
            }
        }).toList();
    }

    static JsonNode error(Run r) {
        List<JsonNode> docs = documents(r.err());
        assertThat(docs).as(r.err()).hasSize(1);
        return docs.get(0).get("error");
    }

    @Test
    void aPinSubscriptionAsJsonDocumentsThatParseBack() {
        try (Simulator sim = Simulators.start("eklectic")) {
            Map<String, String> env = envFor(sim);
            Msisdn msisdn = sim.sampleMsisdn();
            String offer = sim.sampleOffer().value();
            Run sub = run(env, "subscribe", "--json", "--provider", "eklectic", "--base-url", sim.baseUrl(),
                    "--msisdn", msisdn.e164(), "--offer", offer);
            assertThat(sub.exit()).as(sub.err()).isZero();
            assertThat(sub.err()).isEmpty();
            JsonNode challenge = documents(sub.out()).get(0);
            assertThat(documents(sub.out())).hasSize(1);
            assertThat(challenge.get("type").asText()).isEqualTo("pinChallenge");
            assertThat(challenge.get("nextAction").get("type").asText()).isEqualTo("ENTER_PIN");
            assertThat(challenge.get("next").asText()).startsWith("dcb confirm --provider eklectic --base-url "
                    + sim.baseUrl() + " --msisdn <msisdn> --offer " + offer + " --challenge "
                    + challenge.get("challengeId").asText());
            assertThat(sub.out()).doesNotContain(msisdn.digits());

            String pin = sim.pinSentTo(msisdn).orElseThrow();
            Run confirm = withStdin(pin + "\n", () -> run(env, "confirm", "--json", "--provider", "eklectic",
                    "--base-url", sim.baseUrl(), "--msisdn", msisdn.e164(), "--offer", offer, "--challenge",
                    challenge.get("challengeId").asText()));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            JsonNode subscription = documents(confirm.out()).get(0);
            assertThat(subscription.get("type").asText()).isEqualTo("subscription");
            assertThat(subscription.get("state").asText()).isEqualTo("ACTIVE");
            String id = subscription.get("subscriptionId").asText();

            JsonNode status = documents(run(env, "status", "--json", "--provider", "eklectic", "--base-url",
                    sim.baseUrl(), "--subscription", id).out()).get(0);
            assertThat(status.get("type").asText()).isEqualTo("subscriptionStatus");
            assertThat(status.get("state").asText()).isEqualTo("ACTIVE");
            assertThat(status.get("expiresAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

            JsonNode cancelled = documents(run(env, "cancel", "--json", "--provider", "eklectic", "--base-url",
                    sim.baseUrl(), "--subscription", id).out()).get(0);
            assertThat(cancelled.get("type").asText()).isEqualTo("cancellation");
            assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
        }
    }

    @Test
    void usageErrorsExit2AndAreJsonOnStandardErrorWithJson() {
        Run unknownOption = run(Map.of(), "status", "--json", "--provider", "eklectic", "--bogus");
        assertThat(unknownOption.exit()).isEqualTo(2);
        assertThat(unknownOption.out()).isEmpty();
        JsonNode e = error(unknownOption);
        assertThat(e.get("category").asText()).isEqualTo("usage");
        assertThat(e.get("exitCode").asInt()).isEqualTo(2);
        assertThat(e.get("message").asText()).contains("--bogus");

        Run badMsisdn = run(Map.of(), "subscribe", "--json", "--provider", "eklectic", "--msisdn", "12ab",
                "--offer", "123");
        assertThat(badMsisdn.exit()).isEqualTo(2);
        assertThat(error(badMsisdn).get("message").asText()).contains("MSISDN");

        Run unknownProvider = run(Map.of(), "status", "--provider", "nope", "--subscription", "1");
        assertThat(unknownProvider.exit()).isEqualTo(2);
        assertThat(unknownProvider.err()).contains("unknown provider 'nope'; known: [b2m-aoc, camara, centili");
    }

    @Test
    void missingConfigurationNamesEveryKeyAndItsVariableAtOnceAndExits3() {
        Run r = run(Map.of(), "status", "--json", "--provider", "centili", "--charge", "CTX1");
        assertThat(r.exit()).isEqualTo(3);
        JsonNode e = error(r);
        assertThat(e.get("category").asText()).isEqualTo("configuration");
        assertThat(e.get("missing")).extracting(m -> m.get("key").asText() + "=" + m.get("env").asText())
                .containsExactly("client-id=DCB_CENTILI_CLIENT_ID", "username=DCB_CENTILI_USERNAME",
                        "password=DCB_CENTILI_PASSWORD");

        Run one = run(Map.of("DCB_ECLIPSE_VAS_TENANT_ID", "242", "DCB_ECLIPSE_VAS_IDENTITY", "me"), "status",
                "--provider", "eclipse-vas", "--charge", "1");
        assertThat(one.exit()).isEqualTo(3);
        assertThat(one.err()).contains("password (DCB_ECLIPSE_VAS_PASSWORD)", "base-url (DCB_ECLIPSE_VAS_BASE_URL)"
                + " is required (Eclipse has no public default)").doesNotContain("tenant-id", "identity (");
    }

    @Test
    void rejectedCredentialsAreAConfigurationErrorExit3() {
        try (Simulator sim = Simulators.start("eklectic")) {
            Map<String, String> env = new HashMap<>(envFor(sim));
            env.put("DCB_EKLECTIC_CLIENT_SECRET", "not-the-secret");
            Run r = run(env, "status", "--json", "--provider", "eklectic", "--base-url", sim.baseUrl(),
                    "--subscription", "1");
            assertThat(r.exit()).isEqualTo(3);
            JsonNode e = error(r);
            assertThat(e.get("type").asText()).isEqualTo("AuthenticationException");
            assertThat(e.get("httpStatus").asInt()).isEqualTo(401);
            assertThat(r.err()).doesNotContain("not-the-secret");
        }
    }

    @Test
    void providerRefusalsExit4WithTheProvidersCode() {
        try (Simulator sim = Simulators.start("eklectic")) {
            Map<String, String> env = envFor(sim);
            Msisdn wrong = MagicMsisdn.WRONG_PIN.applyTo(sim.sampleMsisdn().digits());
            String[] common = {"--provider", "eklectic", "--base-url", sim.baseUrl(), "--msisdn", wrong.e164(),
                "--offer", sim.sampleOffer().value()};
            Run sub = run(env, concat("subscribe", common, "--json"));
            assertThat(sub.exit()).isZero();
            String challenge = documents(sub.out()).get(0).get("challengeId").asText();
            Run confirm = withStdin("1234\n", () -> run(env, concat("confirm", common, "--json", "--challenge",
                    challenge)));
            assertThat(confirm.exit()).isEqualTo(4);
            JsonNode e = error(confirm);
            assertThat(e.get("category").asText()).isEqualTo("refused");
            assertThat(e.get("type").asText()).isEqualTo("InvalidPinException");
            assertThat(e.get("providerCode").asText()).isEqualTo("KO");
            assertThat(e.get("retryable").asBoolean()).isFalse();

            Run notFound = run(env, "status", "--provider", "eklectic", "--base-url", sim.baseUrl(),
                    "--subscription", "999999");
            assertThat(notFound.exit()).isEqualTo(4);
            assertThat(notFound.err()).startsWith("dcb: NotFoundException");

            Msisdn taken = MagicMsisdn.ALREADY_SUBSCRIBED.applyTo(sim.sampleMsisdn().digits());
            Run conflict = run(env, "subscribe", "--provider", "eklectic", "--base-url", sim.baseUrl(), "--msisdn",
                    taken.e164(), "--offer", sim.sampleOffer().value());
            assertThat(conflict.exit()).isEqualTo(4);
            assertThat(conflict.err()).startsWith("dcb: ConflictException");
        }
    }

    @Test
    void aChargeThatIsNotFinalPrintsTheStatusCommandToRunNextWithTheSameOptions() {
        try (Simulator sim = Simulators.start("centili")) {
            Map<String, String> env = envFor(sim);
            Run started = run(env, "charge", "--json", "--provider", "centili", "--base-url", sim.baseUrl(),
                    "--msisdn", sim.sampleMsisdn().e164(), "--amount", "120", "--currency", "RSD", "--offer",
                    "svc-sim-coins");
            assertThat(started.exit()).as(started.err()).isZero();
            JsonNode charge = documents(started.out()).get(0);
            assertThat(charge.get("state").asText()).isEqualTo("PENDING_VALIDATION");
            assertThat(charge.get("final").asBoolean()).isFalse();
            assertThat(charge.get("nextAction").get("type").asText()).isEqualTo("REDIRECT");
            assertThat(charge.get("next").asText()).isEqualTo("dcb status --provider centili --base-url "
                    + sim.baseUrl() + " --charge " + charge.get("chargeId").asText());
            assertThat(charge.get("amount").get("amount").asText()).isEqualTo("120.00");
            assertThat(charge.get("amount").get("currency").asText()).isEqualTo("RSD");
        }
    }

    @Test
    void aRenewalRefusedForLackOfFundsExits4() {
        try (Simulator sim = Simulators.start("b2m-aoc")) {
            Msisdn poor = MagicMsisdn.INSUFFICIENT_FUNDS.applyTo(sim.sampleMsisdn().digits());
            Run r = run(envFor(sim), "renew", "--json", "--provider", "b2m-aoc", "--base-url", sim.baseUrl(),
                    "--subscription", "SP000000000099", "--msisdn", poor.e164());
            assertThat(r.exit()).as(r.err()).isEqualTo(4);
            assertThat(error(r).get("category").asText()).isEqualTo("refused");
        }
    }

    @Test
    void unsupportedOperationsExit5WhateverTheCommand() {
        try (Simulator sim = Simulators.start("eklectic")) {
            Map<String, String> env = envFor(sim);
            Run charge = run(env, "charge", "--json", "--provider", "eklectic", "--base-url", sim.baseUrl(),
                    "--amount", "1", "--currency", "TND");
            assertThat(charge.exit()).isEqualTo(5);
            assertThat(error(charge).get("message").asText()).isEqualTo("eklectic does not support one-off charges;"
                    + " it supports [PIN_SUBSCRIPTION, SUBSCRIPTION_STATUS, CANCEL, NOTIFICATIONS]");
            Run renew = run(env, "renew", "--provider", "eklectic", "--base-url", sim.baseUrl(), "--subscription", "1");
            assertThat(renew.exit()).isEqualTo(5);
            Run catalog = run(env, "catalog", "--provider", "eklectic", "--base-url", sim.baseUrl());
            assertThat(catalog.exit()).isEqualTo(5);
        }
    }

    @Test
    void noUsableAnswerExits6AndSaysWhatToReconcile() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Map<String, String> env = Map.of("DCB_EKLECTIC_CLIENT_ID", "id", "DCB_EKLECTIC_CLIENT_SECRET", "secret",
                "DCB_EKLECTIC_MAX_ATTEMPTS", "1");
        Run refused = run(env, "status", "--json", "--provider", "eklectic", "--base-url",
                "http://127.0.0.1:" + closed + "/API", "--subscription", "1");
        assertThat(refused.exit()).isEqualTo(6);
        JsonNode e = error(refused);
        assertThat(e.get("category").asText()).isEqualTo("unknown-outcome");
        assertThat(e.get("type").asText()).isEqualTo("DcbTransportException");

        try (Simulator sim = Simulators.start("eclipse-vas")) {
            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            Map<String, String> vasEnv = new HashMap<>(envFor(sim));
            vasEnv.put("DCB_ECLIPSE_VAS_MAX_ATTEMPTS", "1");
            Run outage = run(vasEnv, "charge", "--json", "--provider", "eclipse-vas", "--base-url", sim.baseUrl(),
                    "--msisdn", down.e164(), "--amount", "155", "--currency", "ZAR", "--offer", "5_VD50");
            assertThat(outage.exit()).isEqualTo(6);
            JsonNode o = error(outage);
            assertThat(o.get("httpStatus").asInt()).isEqualTo(503);
            assertThat(o.get("reference").get("kind").asText()).isNotBlank();
        }
    }

    @Test
    void helpListsTheExitCodes() {
        for (String command : new String[] {"--help", "charge --help", "demo --help"}) {
            Run r = run(Map.of(), command.split(" "));
            assertThat(r.exit()).isZero();
            assertThat(r.out()).as(command).contains("Exit codes:", "  0   success", "  2   usage",
                    "  3   configuration", "  4   refused", "  5   the provider does not offer", "  6   no usable answer",
                    "--json");
        }
    }

    private static String[] concat(String command, String[] common, String... tail) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(common));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    static Run withStdin(String input, java.util.function.Supplier<Run> body) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.get();
        } finally {
            System.setIn(old);
        }
    }
}
