package io.dcb4j.store.jdbc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.journal.Reconciler;
import io.dcb4j.core.journal.Resolution;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.testing.WireMockTestSupport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real crash: a second JVM charges with the JDBC journal and is killed with {@code kill -9}
 * ({@code destroyForcibly}) at a chosen point, synchronised on the marker line it prints when it gets there.
 * After the "restart" (this JVM, new clients on the same database), the reconciler resolves the intent with
 * exactly one status call, and the charge is never sent twice.
 */
class CrashTest extends WireMockTestSupport {

    private ChargeJournal journal;

    @BeforeEach
    void database() {
        Postgres.url();
        Postgres.truncate();
        journal = JdbcChargeJournal.create(Postgres.dataSource());
        wm.stubFor(post(urlEqualTo("/oauth/token")).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
    }

    private static ChargeRequest charge(String key) {
        return ChargeRequest.builder(Money.of("5.00", "TND")).msisdn(Msisdn.of("21650123456")).idempotencyKey(key)
                .build();
    }

    private int charges() {
        return wm.findAll(postRequestedFor(urlEqualTo("/charges"))).size();
    }

    /** Starts the charging JVM and kills it with SIGKILL when it prints the marker. */
    private void runAndKill(String key, String killPoint, String marker, String... refundOf)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                CrashingCharger.class.getName(), Postgres.url(), wm.baseUrl(), key, "5.00", killPoint));
        command.addAll(List.of(refundOf));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals(marker)) {
                seen.add(line);
            }
            assertThat(line).as("the charging JVM's output: %s", seen).isEqualTo(marker);
            p.destroyForcibly();
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertThat(p.isAlive()).isFalse();
        assertThat(p.exitValue()).isNotZero();
    }

    /** The restarted instance: a reconciler for stale intents (its clock is past the stale limit). */
    private List<Resolution> reconcile(BillingProvider provider) {
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(10));
        return Reconciler.builder(journal).provider(provider).clock(later).build().runOnce();
    }

    @Test
    @Timeout(120)
    void killedAfterTheProviderAnsweredAndBeforeTheOutcomeWasRecorded() throws Exception {
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(okJson("{\"id\":\"crash-1\",\"state\":\"SUCCEEDED\"}")));
        wm.stubFor(get(urlEqualTo("/charges/crash-1"))
                .willReturn(okJson("{\"id\":\"crash-1\",\"state\":\"SUCCEEDED\",\"amount\":\"5.00\","
                        + "\"currency\":\"TND\"}")));

        runAndKill("crash-1", "after-answer", "ANSWER_RECEIVED");
        assertThat(charges()).isEqualTo(1);
        assertThat(journal.find("fake", "crash-1")).map(JournalEntry::state).contains(JournalState.PENDING);

        try (BillingProvider restarted = Fleet.client(wm.baseUrl(), null, journal, Clock.systemUTC())) {
            assertThat(reconcile(restarted)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                assertThat(r.chargeStatus()).map(ChargeResult::state).contains(ChargeState.SUCCEEDED);
            });
            wm.verify(1, getRequestedFor(urlEqualTo("/charges/crash-1")));

            // the customer retries the purchase with the same key: the outcome, not a second charge
            ChargeResult retried = restarted.charges().orElseThrow().charge(charge("crash-1"));
            assertThat(retried.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(retried.amount()).isEqualTo(Money.of("5.00", "TND"));
        }
        assertThat(charges()).isEqualTo(1);
        wm.verify(1, getRequestedFor(urlEqualTo("/charges/crash-1")));
    }

    @Test
    @Timeout(120)
    void killedAfterTheIntentWasRecordedAndBeforeTheRequestLeft() throws Exception {
        wm.stubFor(post(urlEqualTo("/charges")).willReturn(okJson("{\"id\":\"crash-2\",\"state\":\"SUCCEEDED\"}")));
        wm.stubFor(get(urlEqualTo("/charges/crash-2")).willReturn(aResponse().withStatus(404)));

        runAndKill("crash-2", "before-send", "INTENT_RECORDED");
        assertThat(charges()).isZero();
        assertThat(journal.find("fake", "crash-2")).map(JournalEntry::state).contains(JournalState.PENDING);

        try (BillingProvider restarted = Fleet.client(wm.baseUrl(), null, journal, Clock.systemUTC())) {
            assertThat(reconcile(restarted)).singleElement()
                    .satisfies(r -> assertThat(r.kind()).isEqualTo(Resolution.Kind.NOT_APPLIED));
            wm.verify(1, getRequestedFor(urlEqualTo("/charges/crash-2")));

            // the provider never saw it: the retry sends it, once
            assertThat(restarted.charges().orElseThrow().charge(charge("crash-2")).state())
                    .isEqualTo(ChargeState.SUCCEEDED);
            assertThat(restarted.charges().orElseThrow().charge(charge("crash-2")).state())
                    .isEqualTo(ChargeState.SUCCEEDED);
        }
        assertThat(charges()).isEqualTo(1);
        wm.verify(1, getRequestedFor(urlEqualTo("/charges/crash-2")));
    }

    @Test
    @Timeout(120)
    void killedAfterTheProviderAnsweredARefundAndBeforeTheOutcomeWasRecorded() throws Exception {
        String refunds = "/charges/paid-1/refunds";
        wm.stubFor(post(urlEqualTo(refunds)).willReturn(okJson("{\"refund\":\"rf-crash\",\"state\":\"SUCCEEDED\","
                + "\"amount\":\"5.00\",\"currency\":\"TND\"}")));
        wm.stubFor(get(urlPathEqualTo(refunds)).withQueryParam("idempotencyKey", equalTo("crash-r1"))
                .willReturn(okJson("{\"refund\":\"rf-crash\",\"state\":\"SUCCEEDED\",\"amount\":\"5.00\","
                        + "\"currency\":\"TND\"}")));

        runAndKill("crash-r1", "after-answer", "ANSWER_RECEIVED", "paid-1");
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(refunds)))).hasSize(1);
        assertThat(journal.find("fake", "crash-r1")).hasValueSatisfying(e -> {
            assertThat(e.operation()).isEqualTo(JournalOperation.REFUND);
            assertThat(e.state()).isEqualTo(JournalState.PENDING);
        });

        try (BillingProvider restarted = Fleet.client(wm.baseUrl(), null, journal, Clock.systemUTC())) {
            assertThat(reconcile(restarted)).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(Resolution.Kind.RESOLVED);
                assertThat(r.refundStatus()).map(RefundResult::state).contains(RefundState.SUCCEEDED);
            });
            // the merchant retries the refund with the same key: the recorded refund, not a second one
            RefundResult retried = restarted.refunds().orElseThrow().refund(RefundRequest
                    .builder(ChargeRef.of("paid-1")).amount(Money.of("5.00", "TND")).idempotencyKey("crash-r1")
                    .build());
            assertThat(retried.refund().id()).isEqualTo("rf-crash");
        }
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(refunds)))).hasSize(1);
        wm.verify(1, getRequestedFor(urlPathEqualTo(refunds)));
    }
}
