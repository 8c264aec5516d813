package io.dcb4j.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ProviderReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every write of every provider whose connection is reset after the request was sent: the
 * {@link DcbTransportException} names the provider's reference to reconcile (payment id, transaction id,
 * subscription id, idempotency key...) wherever one exists before the call, without personal data, and an
 * unsafe write says to query its status before trying again.
 */
class UnknownOutcomeReferenceTest {

    static WireMockServer wm;

    @BeforeAll
    static void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterAll
    static void stop() {
        wm.stop();
    }

    /** Operation to the reference it must name; absent: the operation has no reference before the call. */
    static final Map<String, ProviderReference> EXPECTED = Map.ofEntries(
            Map.entry("eklectic confirmPin", new ProviderReference("code", "code-1")),
            Map.entry("eklectic unsubscribe", new ProviderReference("subscriptionId", "23939206")),
            Map.entry("eklectic neutral confirmPin", new ProviderReference("code", "code-1")),
            Map.entry("eklectic neutral cancel", new ProviderReference("subscriptionId", "23939206")),
            Map.entry("infomedia unsubscribe", new ProviderReference("sid", "8000000")),
            Map.entry("infomedia neutral cancel", new ProviderReference("sid", "8000000")),
            Map.entry("eclipse-vas initiatePayment", new ProviderReference("externalUniqueId", "order-1")),
            Map.entry("eclipse-vas completePayment", new ProviderReference("paymentId", "172565")),
            Map.entry("eclipse-vas neutral charge [initiate]", new ProviderReference("externalUniqueId", "order-1")),
            Map.entry("eclipse-vas neutral charge [complete]", new ProviderReference("paymentId", "172565")),
            Map.entry("centili submitPin", new ProviderReference("transactionId", "tx-1001")),
            Map.entry("centili releaseTransaction", new ProviderReference("transactionId", "tx-1001")),
            Map.entry("centili neutral confirmPin", new ProviderReference("transactionId", "tx-1001")),
            Map.entry("centili neutral charge", new ProviderReference("idempotencyKey", "order-77")),
            Map.entry("centili neutral cancel", new ProviderReference("transactionId", "tx-1001")),
            Map.entry("b2m-aoc cancelSubscription", new ProviderReference("spTransID", "SP1")),
            Map.entry("b2m-aoc renewSubscription", new ProviderReference("spTransID", "SP1")),
            Map.entry("b2m-aoc neutral cancel", new ProviderReference("spTransID", "SP1")),
            Map.entry("b2m-aoc neutral renew", new ProviderReference("spTransID", "SP1")),
            Map.entry("camara validatePayment", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara confirmPayment", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara cancelPayment", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara neutral charge", new ProviderReference("clientCorrelator", "order-77")),
            Map.entry("camara neutral confirm [validate]", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara neutral confirm [confirm]", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara neutral cancel [cancel]", new ProviderReference("paymentId", "pay-1")),
            Map.entry("camara neutral refund", new ProviderReference("clientCorrelator", "refund-77")));

    /** Writes whose reference is a key the client generated: only its kind is known in advance. */
    static final Map<String, String> GENERATED = Map.of("centili startTransaction", "idempotencyKey",
            "centili neutral requestPin", "idempotencyKey", "camara createPayment", "clientCorrelator",
            "camara preparePayment", "clientCorrelator", "camara createRefund", "clientCorrelator");

    /** Writes that have no reference before the call: the subscriber's number is all they carry. */
    static final List<String> NONE = List.of("eklectic sendPin", "eklectic neutral requestPin", "infomedia generatePin",
            "infomedia join", "infomedia neutral requestPin", "infomedia neutral confirmPin", "b2m-aoc requestCharge",
            "b2m-aoc neutral charge");

    @Test
    void everyWriteWithAnUnknownOutcomeNamesItsReference() {
        List<String> problems = new ArrayList<>();
        int writes = 0;
        for (Fixtures.Op op : Fixtures.operations()) {
            if (op.safety == Fixtures.Safety.SAFE) {
                continue;
            }
            writes++;
            String name = op.toString();
            if (!EXPECTED.containsKey(name) && !GENERATED.containsKey(name) && !NONE.contains(name)) {
                problems.add(name + ": a write this test does not know; add it to a table");
                continue;
            }
            DcbTransportException e = run(op);
            if (e == null) {
                problems.add(name + ": no DcbTransportException");
                continue;
            }
            if (e.isRetryable() != op.retrySafe()) {
                problems.add(name + ": retryable=" + e.isRetryable());
            }
            String kind;
            if (NONE.contains(name)) {
                if (e.reference().isPresent()) {
                    problems.add(name + ": unexpected reference " + e.reference().get());
                }
                kind = null;
            } else if (GENERATED.containsKey(name)) {
                kind = GENERATED.get(name);
                if (e.reference().isEmpty() || !e.reference().get().kind().equals(kind)
                        || !e.reference().get().id().startsWith("key-")) {
                    problems.add(name + ": reference " + e.reference());
                }
            } else {
                ProviderReference expected = EXPECTED.get(name);
                kind = expected.kind();
                if (!e.reference().equals(java.util.Optional.of(expected))) {
                    problems.add(name + ": reference " + e.reference() + ", expected " + expected);
                } else if (!e.getMessage().endsWith("reference=" + expected + "]")) {
                    problems.add(name + ": message does not name the reference: " + e.getMessage());
                }
            }
            if (kind != null && !op.retrySafe()
                    && !e.getMessage().contains("query the status of this " + kind + " (see reference)")) {
                problems.add(name + ": message does not say what to reconcile: " + e.getMessage());
            }
            if (e.getMessage().contains(Fixtures.MSISDN_DIGITS) || e.getMessage().contains(Fixtures.PIN)) {
                problems.add(name + ": personal data in " + e.getMessage());
            }
        }
        assertThat(writes).isEqualTo(EXPECTED.size() + GENERATED.size() + NONE.size());
        assertThat(problems).isEmpty();
    }

    static DcbTransportException run(Fixtures.Op op) {
        wm.resetAll();
        if (!op.targetsToken()) {
            Fixtures.stubToken(wm, op.provider);
        }
        op.others.forEach(e -> Fixtures.stub(wm, e));
        wm.stubFor(request(op.target.method().getName(), urlPathMatching(op.target.pathRegex()))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        try (BillingProvider client = op.provider.factory().apply(wm.baseUrl())) {
            op.call.apply(client);
            return null;
        } catch (DcbTransportException e) {
            return e;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
