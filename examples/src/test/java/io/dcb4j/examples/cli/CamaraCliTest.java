package io.dcb4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import io.dcb4j.testkit.camara.CamaraSimulator;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code dcb -p camara}: a two-step charge confirmed with the subscriber's code, refunds, a cancelled reservation. */
class CamaraCliTest {

    static String[] args(String command, String base, String... rest) {
        List<String> all = new ArrayList<>(List.of(command, "--provider", "camara", "--base-url", base));
        all.addAll(Arrays.asList(rest));
        return all.toArray(String[]::new);
    }

    static DcbCliTest.Run withStdin(String input, java.util.function.Supplier<DcbCliTest.Run> body) {
        InputStream previous = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return body.get();
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void aTwoStepChargeIsConfirmedWithTheCodeThenRefundedAndAnotherCancelled() {
        try (CamaraSimulator sim = (CamaraSimulator) Simulators.start("camara")) {
            Map<String, String> env = DcbCliTest.envFor(sim);
            String base = sim.baseUrl();
            Msisdn msisdn = CamaraSimulator.withSuffix(sim.sampleMsisdn(), CamaraSimulator.PENDING_VALIDATION);
            DcbCliTest.Run charge = DcbCliTest.run(env, args("charge", base, "--msisdn", msisdn.e164(), "--amount",
                    "4.00", "--currency", "EUR", "--description", "VOD", "--param", "flow=two-step"));
            assertThat(charge.exit()).as(charge.err()).isZero();
            assertThat(charge.out()).contains("PENDING_VALIDATION", "next action ENTER_PIN", "authorization ")
                    .doesNotContain(msisdn.digits());
            String id = charge.out().replaceAll("(?s).*charge (\\S+) PENDING_VALIDATION.*", "$1").strip();
            String authorization = charge.out().replaceAll("(?s).*authorization (\\S+).*", "$1").strip();
            assertThat(charge.out()).as("the next command, the code left to the terminal")
                    .contains("Then run: dcb confirm --provider camara --base-url " + base + " --charge " + id
                            + " --authorization-id " + authorization);
            String code = sim.pinSentTo(msisdn).orElseThrow();

            DcbCliTest.Run confirm = withStdin(code + "\n", () -> DcbCliTest.run(env, args("confirm", base,
                    "--charge", id, "--authorization-id", authorization)));
            assertThat(confirm.exit()).as(confirm.err()).isZero();
            assertThat(confirm.out()).contains("charge " + id + " SUCCEEDED").doesNotContain(code);

            DcbCliTest.Run refund = DcbCliTest.run(env, args("refund", base, "--charge", id, "--amount", "1.50",
                    "--currency", "EUR", "--reason", "goodwill"));
            assertThat(refund.exit()).as(refund.err()).isZero();
            assertThat(refund.out()).contains("of charge " + id + " SUCCEEDED", "amount 1.5");
            String refundId = refund.out().replaceAll("(?s).*refund (\\S+) of charge.*", "$1").strip();
            DcbCliTest.Run status = DcbCliTest.run(env, args("refund", base, "--charge", id, "--status", refundId));
            assertThat(status.out()).contains("refund " + refundId + " of charge " + id + " SUCCEEDED");
            DcbCliTest.Run rest = DcbCliTest.run(env, args("refund", base, "--charge", id));
            assertThat(rest.out()).contains("SUCCEEDED", "the whole charge");

            DcbCliTest.Run reserved = DcbCliTest.run(env, args("charge", base, "--msisdn", sim.sampleMsisdn().e164(),
                    "--amount", "2.00", "--currency", "EUR", "--description", "VOD", "--param", "flow=two-step"));
            String other = reserved.out().replaceAll("(?s).*charge (\\S+) RESERVED.*", "$1").strip();
            assertThat(reserved.out()).contains("Then run: dcb confirm --provider camara --base-url " + base
                    + " --charge " + other + "\n");
            DcbCliTest.Run both = DcbCliTest.run(env, args("cancel", base, "--charge", other, "--subscription", "s1"));
            assertThat(both.exit()).isEqualTo(2);
            assertThat(both.err()).contains("either --charge or a subscription");
            DcbCliTest.Run cancel = DcbCliTest.run(env, args("cancel", base, "--charge", other));
            assertThat(cancel.exit()).as(cancel.err()).isZero();
            assertThat(cancel.out()).contains("charge " + other + " CANCELLED");

            DcbCliTest.Run unsupported = DcbCliTest.run(DcbCliTest.envFor(sim), "refund", "--provider", "camara",
                    "--base-url", base, "--charge", id, "--amount", "1");
            assertThat(unsupported.exit()).isEqualTo(2);
            assertThat(unsupported.err()).contains("--currency");
            DcbCliTest.Run statusWithAmount = DcbCliTest.run(env, args("refund", base, "--charge", id, "--status",
                    refundId, "--amount", "1", "--currency", "EUR"));
            assertThat(statusWithAmount.exit()).isEqualTo(2);
            assertThat(statusWithAmount.err()).contains("--status shows a refund");
        }
        try (Simulator eklectic = Simulators.start("eklectic")) {
            DcbCliTest.Run noRefunds = DcbCliTest.run(DcbCliTest.envFor(eklectic), "refund", "--provider", "eklectic",
                    "--base-url", eklectic.baseUrl(), "--charge", "c1");
            assertThat(noRefunds.exit()).as(noRefunds.err()).isEqualTo(5);
        }
    }
}
