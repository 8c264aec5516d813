package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DcbCliTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = DcbCli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), env).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** The simulator's credentials as the environment variables the CLI reads. */
    static Map<String, String> envFor(Simulator sim) {
        Map<String, String> env = new HashMap<>();
        String prefix = "DCB_" + sim.providerId().toUpperCase(Locale.ROOT).replace('-', '_') + "_";
        sim.clientConfig().forEach((k, v) -> {
            if (!k.equals("base-url")) {
                env.put(prefix + k.toUpperCase(Locale.ROOT).replace('-', '_'), v);
            }
        });
        return env;
    }

    @Test
    void demoWalksEveryProviderAndExitsZero() {
        Run r = run(Map.of(), "demo");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("demo: 6 flows passed, 0 failed");
        for (String id : Simulators.ids()) {
            assertThat(r.out()).contains(id + "  (simulator at http://127.0.0.1:");
        }
        assertThat(r.out()).contains("confirm PIN").contains("callback parsed").contains("failure path")
                .doesNotContain("FAILED");
        assertThat(r.exit()).isZero();
    }

    @Test
    void demoCanRunOneProvider() {
        Run r = run(Map.of(), "demo", "--provider", "eklectic");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("demo: 1 flow passed, 0 failed").doesNotContain("centili");
    }

    @Test
    void helpIsUseful() {
        Run top = run(Map.of(), "--help");
        assertThat(top.exit()).isZero();
        assertThat(top.out()).contains("demo", "subscribe", "confirm", "status", "cancel", "charge", "notify-parse",
                "DCB_<PROVIDER>_<KEY>");
        Run sub = run(Map.of(), "charge", "--help");
        assertThat(sub.out()).contains("--amount", "--currency", "--base-url", "--config");
    }

    @Test
    void badInputPrintsOneLineAndExitsNonZero() {
        Run unknown = run(Map.of(), "status", "--provider", "nope", "--subscription", "1");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip().lines()).hasSize(1);
        assertThat(unknown.err()).contains("unknown provider 'nope'").doesNotContain("at io.dcb4j");

        Run missing = run(Map.of(), "status", "--provider", "eklectic", "--subscription", "1");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip().lines()).hasSize(1);
        assertThat(missing.err().strip()).isEqualTo("dcb: missing configuration for eklectic: client-id"
                + " (DCB_EKLECTIC_CLIENT_ID), client-secret (DCB_EKLECTIC_CLIENT_SECRET); set the environment"
                + " variables or put the keys in a --config file");

        try (Simulator sim = Simulators.start("eklectic")) {
            Run badMsisdn = run(envFor(sim), "subscribe", "--provider", "eklectic", "--base-url", sim.baseUrl(),
                    "--msisdn", "12ab", "--offer", sim.sampleOffer().value());
            assertThat(badMsisdn.exit()).isEqualTo(2);
            assertThat(badMsisdn.err()).contains("MSISDN").doesNotContain("Exception in");
        }

        Run verbose = run(Map.of(), "status", "--provider", "nope", "--subscription", "1", "--verbose");
        assertThat(verbose.err()).contains("at io.dcb4j");

        Run noArgs = run(Map.of(), "charge", "--provider", "centili");
        assertThat(noArgs.exit()).isEqualTo(2);
        assertThat(noArgs.err()).contains("Missing required option");
    }

    @Test
    void subscribeConfirmStatusCancelAgainstASimulator() {
        try (Simulator sim = Simulators.start("eklectic")) {
            Map<String, String> env = envFor(sim);
            Msisdn msisdn = sim.sampleMsisdn();
            String[] common = {"--provider", "eklectic", "--base-url", sim.baseUrl()};
            Run sub = run(env, concat(List.of("subscribe"), common, "--msisdn", msisdn.e164(), "--offer",
                    sim.sampleOffer().value()));
            assertThat(sub.exit()).as(sub.err()).isZero();
            assertThat(sub.out()).contains("next action ENTER_PIN").doesNotContain(msisdn.digits());
            String challenge = sub.out().replaceAll("(?s).*challenge (\\S+),.*", "$1");
            String pin = sim.pinSentTo(msisdn).orElseThrow();
            Run confirm = withStdin(pin + "\n", () -> run(env, concat(List.of("confirm"), common, "--msisdn",
                    msisdn.e164(), "--offer", sim.sampleOffer().value(), "--challenge", challenge)));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            // the PIN is random: it may occur inside the subscription id, so look for it as a whole number
            assertThat(confirm.out()).contains("ACTIVE").doesNotContainPattern("(?<!\\d)" + pin + "(?!\\d)");
            String id = confirm.out().replaceAll("(?s).*subscription (\\S+) ACTIVE.*", "$1");
            Run status = run(env, concat(List.of("status"), common, "--subscription", id));
            assertThat(status.out()).contains("subscription " + id + " ACTIVE");
            Run cancel = run(env, concat(List.of("cancel"), common, "--subscription", id));
            assertThat(cancel.exit()).isZero();
            assertThat(cancel.out()).contains("CANCELLED");
        }
    }

    @Test
    void chargeAgainstASimulatorAndTypedErrors() {
        try (Simulator sim = Simulators.start("b2m-aoc")) {
            Map<String, String> env = envFor(sim);
            String[] common = {"--provider", "b2m-aoc", "--base-url", sim.baseUrl()};
            var req = sim.sampleCharge(sim.sampleMsisdn());
            List<String> args = new ArrayList<>(List.of("charge"));
            args.addAll(List.of(common));
            args.addAll(List.of("--msisdn", sim.sampleMsisdn().e164(), "--amount", req.amount().amount().toPlainString(),
                    "--currency", req.amount().currency().getCurrencyCode()));
            if (req.offer() != null) {
                args.addAll(List.of("--offer", req.offer().value()));
            }
            Run charge = run(env, args.toArray(String[]::new));
            assertThat(charge.exit()).as(charge.err()).isZero();
            assertThat(charge.out()).contains("REDIRECT");

            Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
            List<String> outage = new ArrayList<>(args);
            outage.set(outage.indexOf(sim.sampleMsisdn().e164()), down.e164());
            Run failed = run(env, outage.toArray(String[]::new));
            assertThat(failed.exit()).as("no usable answer: reconcile").isEqualTo(6);
            assertThat(failed.err()).contains("ProviderUnavailableException").doesNotContain(down.digits());
        }
    }

    @Test
    void aChargeOfANegativeZeroOrHugeAmountExitsNonZeroWithAClearMessageAndSendsNothing() {
        try (Simulator sim = Simulators.start("b2m-aoc")) {
            Map<String, String> env = envFor(sim);
            for (String[] k : new String[][] {{"-10", "--amount must be greater than zero, got -10"},
                    {"0", "--amount must be greater than zero, got 0"},
                    {"1e999999999", "--amount/--currency: amount is out of range: more than 40 significant digits, or a scale"
                            + " beyond -20..20"}}) {
                Run r = run(env, "charge", "--provider", "b2m-aoc", "--base-url", sim.baseUrl(), "--msisdn",
                        sim.sampleMsisdn().e164(), "--offer", "GAME", "--amount", k[0], "--currency", "BDT");
                assertThat(r.exit()).as(k[0]).isEqualTo(2);
                assertThat(r.err().strip()).as(k[0]).isEqualTo("dcb: " + k[1]).doesNotContain("Exception in");
                assertThat(r.err().strip().lines()).hasSize(1);
                assertThat(r.out()).doesNotContain("REDIRECT");
            }
            Run price = run(env, "subscribe", "--provider", "b2m-aoc", "--base-url", sim.baseUrl(), "--msisdn",
                    sim.sampleMsisdn().e164(), "--offer", "GAME", "--price", "-1", "--currency", "BDT");
            assertThat(price.exit()).isEqualTo(2);
            assertThat(price.err()).contains("price must be greater than zero");
        }
    }

    @Test
    void notifyParsePrintsTheNeutralEvent() {
        Run r = run(Map.of(), "notify-parse", "--provider", "eklectic", "--url",
                "/cb?action=RENEW&subscriptionid=23939206&transaction=tx-77&offreid=123&amount=0.5"
                        + "&date=2022-02-17+15%3A11%3A18",
                "--config", writeConfig("client-id=x\nclient-secret=y\n"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("RENEWED").contains("event id tx-77").contains("subscription 23939206");
    }

    private static String writeConfig(String content) {
        try {
            java.nio.file.Path p = java.nio.file.Files.createTempFile("dcb", ".properties");
            java.nio.file.Files.writeString(p, content);
            p.toFile().deleteOnExit();
            return p.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(List<String> head, String[] common, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(common));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static Run withStdin(String input, java.util.function.Supplier<Run> body) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.get();
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void catalogListsTheEclipseProductsAndRefusesOthers() {
        try (Simulator sim = Simulators.start("eclipse-vas")) {
            Run r = run(envFor(sim), "catalog", "--provider", "eclipse-vas", "--base-url", sim.baseUrl());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("partner ").containsPattern("\\d+ partners, \\d+ products");
        }
        try (Simulator sim = Simulators.start("eklectic")) {
            Run r = run(envFor(sim), "catalog", "--provider", "eklectic", "--base-url", sim.baseUrl());
            assertThat(r.exit()).as("unsupported").isEqualTo(5);
            assertThat(r.err()).contains("eklectic has no catalogue");
        }
    }
}
