package io.dcb4j.testkit.eclipsevas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.AuthenticationException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.model.CatalogProduct;
import io.dcb4j.eclipsevas.model.CatalogQuery;
import io.dcb4j.eclipsevas.model.NwscBill;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentStatus;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import io.dcb4j.eclipsevas.model.UraTaxBill;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import io.dcb4j.testkit.RecordedRequest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EclipseVasSimulatorTest {

    static EclipseVasSimulator sim;

    @BeforeAll
    static void start() {
        sim = (EclipseVasSimulator) Simulators.start("eclipse-vas");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    static EclipseVasClient typed() {
        return EclipseVasClient.builder().baseUrl(sim.baseUrl()).tenantId(EclipseVasSimulator.TENANT_ID)
                .credentials(EclipseVasSimulator.IDENTITY, EclipseVasSimulator.PASSWORD)
                .notificationSecret(EclipseVasSimulator.CALLBACK_KEY)
                .options(ClientOptions.builder().allowInsecureHttp(true).retryPolicy(RetryPolicy.builder()
                        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build()).build())
                .build();
    }

    @Test
    void typedHappyPathFromNetworkLookUpToSignedCallback() {
        try (EclipseVasClient eclipse = typed()) {
            Msisdn msisdn = sim.sampleMsisdn();
            assertThat(eclipse.networkFor(msisdn).partnerId()).isEqualTo(5);
            List<CatalogProduct> products = eclipse.productsForNetworkOf(msisdn);
            assertThat(products).hasSize(16).allSatisfy(p -> assertThat(p.partnerId()).isEqualTo(5));
            CatalogProduct vd50 = products.stream().filter(p -> p.productId().equals("VD50")).findFirst().orElseThrow();

            Payment initiated = eclipse.initiatePayment(EclipseVasSimulator.CUSTOMER_ID,
                    PaymentRequest.builder(vd50.paymentData()).additionalField("msisdn", msisdn.digits())
                            .callbackUrl("https://merchant.example/eclipse/vas-result").currency("ZAR")
                            .walletId(EclipseVasSimulator.WALLET_ID).build());
            assertThat(initiated.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(initiated.fee()).isEqualTo(new BigDecimal("0E-9"));
            assertThat(initiated.paymentReference()).isEqualTo("VD50");

            PaymentCompletion done = eclipse.completePayment(initiated.paymentId(),
                    PaymentUpdate.builder().amount(new BigDecimal("155")).walletId(EclipseVasSimulator.WALLET_ID).build());
            assertThat(done.message()).isEqualTo("Success");
            Payment pending = eclipse.payment(initiated.paymentId());
            assertThat(pending.status()).isEqualTo(PaymentStatus.PENDING);
            assertThat(pending.amount()).isEqualTo(new BigDecimal("155.000000000"));
            assertThat(sim.notifications()).isEmpty();

            sim.settle(ChargeRef.of(Long.toString(initiated.paymentId())));
            assertThat(eclipse.payment(initiated.paymentId()).status()).isEqualTo(PaymentStatus.SUCCESSFUL);
            assertThat(sim.notifications()).hasSize(1);
            InboundNotification callback = sim.notifications().get(0);
            assertThat(callback.path()).isEqualTo("/eclipse/vas-result");
            assertThat(callback.header("Eclipse-Signature")).isPresent();
            BillingEvent event = eclipse.notificationParser().parse(callback);
            assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(event.charge()).contains(ChargeRef.of(Long.toString(initiated.paymentId())));
            assertThat(event.msisdn()).contains(msisdn);
            assertThat(event.eventId()).isEqualTo(initiated.paymentId() + ":SUCCESSFUL");
        }
        List<RecordedRequest> requests = sim.requests();
        assertThat(requests.get(0).path()).isEqualTo("/eclipse-conductor/rest/v1/authentication/login");
        assertThat(requests).filteredOn(r -> r.path().startsWith("/eclipse-conductor/rest/v1/tenants/242/"))
                .allSatisfy(r -> assertThat(r.header("Authorization")).hasValueSatisfying(
                        h -> assertThat(h).startsWith("Bearer eyJ")));
    }

    @Test
    void billLookUpsAndCatalogueQueries() {
        try (EclipseVasClient eclipse = typed()) {
            NwscBill nwsc = eclipse.nwscBill("21117391", "Kampala");
            assertThat(nwsc.outstandingBalance()).isEqualByComparingTo("71683");
            assertThat(nwsc.area()).isEqualTo("Kampala");
            UraTaxBill ura = eclipse.uraTaxBill("2240000621955");
            assertThat(ura.paymentData().value()).isEqualTo("21_ETAX_1001307092");
            assertThat(eclipse.umemeAccount("200166426").balance()).isEqualByComparingTo("-21103");
            assertThat(eclipse.kraTaxBill("1020230000058238").totalAmount()).isEqualByComparingTo("52008620");
            assertThat(eclipse.catalogs(CatalogQuery.localCatalog(21)).products()).hasSize(3);
            assertThat(eclipse.catalogs(CatalogQuery.frontierWeb()).productsOf(20)).isNotEmpty();
            assertThat(eclipse.catalogs(CatalogQuery.kganya(null, "T089775335322")).products().get(0).paymentData()
                    .value()).isEqualTo("16_0_T089775335322_1");
            assertThat(eclipse.catalogs(CatalogQuery.cellulant("254707720002", "042381176772", "KE-DSTV"))
                    .products()).hasSize(1);
            assertThatThrownBy(() -> eclipse.catalogs(CatalogQuery.of("21_NWSC_only-ref")))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.providerCode()).contains("VAL003"));
        }
    }

    @Test
    void neutralChargeSettlesToSucceededAndTheCallbackParses() {
        try (BillingProvider client = sim.newClient()) {
            assertThat(client.capabilities()).containsExactlyInAnyOrder(Capability.ONE_OFF_CHARGE,
                    Capability.CHARGE_STATUS, Capability.NOTIFICATIONS);
            ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(sim.sampleMsisdn()));
            assertThat(started.state()).isEqualTo(ChargeState.PROCESSING);
            assertThat(client.charges().orElseThrow().status(started.charge()).state())
                    .isEqualTo(ChargeState.PROCESSING);
            sim.settle(started.charge());
            ChargeResult settled = client.charges().orElseThrow().status(started.charge());
            assertThat(settled.state()).isEqualTo(ChargeState.SUCCEEDED);
            assertThat(settled.amount().toString()).isEqualTo("155.00 ZAR");
            BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
            assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGED);
            assertThat(event.msisdn()).contains(sim.sampleMsisdn());
            assertThat(event.amount().orElseThrow().toString()).isEqualTo("155.00 ZAR");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "INSUFFICIENT_FUNDS, INSUFFICIENT_FUNDS",
        "BARRED, BARRED",
        "UNKNOWN_SUBSCRIBER, UNKNOWN_SUBSCRIBER",
        "SPEND_LIMIT, SPEND_LIMIT"})
    void magicNumbersSettleDeniedWithTheirReason(MagicMsisdn magic, FailureReason reason) {
        Msisdn msisdn = magic.applyTo(sim.sampleMsisdn().digits());
        try (BillingProvider client = sim.newClient()) {
            ChargeResult started = client.charges().orElseThrow().charge(sim.sampleCharge(msisdn));
            sim.settle(started.charge());
            ChargeResult settled = client.charges().orElseThrow().status(started.charge());
            assertThat(settled.state()).isEqualTo(ChargeState.DENIED);
            assertThat(settled.failureReason()).isEqualTo(reason);
            BillingEvent event = client.notifications().orElseThrow().parse(sim.notifications().get(0));
            assertThat(event.type()).isEqualTo(BillingEvent.Type.CHARGE_FAILED);
            assertThat(event.failureReason()).contains(reason);
        }
    }

    @Test
    void anOutageIsProviderUnavailableAfterRetries() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "2");
        Msisdn down = MagicMsisdn.PROVIDER_OUTAGE.applyTo(sim.sampleMsisdn().digits());
        try (BillingProvider client = BillingProviders.create("eclipse-vas", config)) {
            assertThatThrownBy(() -> client.charges().orElseThrow().charge(sim.sampleCharge(down)))
                    .isInstanceOf(ProviderUnavailableException.class);
        }
        assertThat(sim.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/payments"))
                .hasSize(2);
    }

    @Test
    void aSlowAnswerPastTheReadTimeoutIsATransportException() {
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        Msisdn slow = MagicMsisdn.SLOW_ANSWER.applyTo(sim.sampleMsisdn().digits());
        try (BillingProvider client = BillingProviders.create("eclipse-vas", config)) {
            assertThatThrownBy(() -> client.charges().orElseThrow().charge(sim.sampleCharge(slow)))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void aRepeatedInitiationAnswersTheSamePayment() {
        try (EclipseVasClient eclipse = typed()) {
            PaymentRequest request = PaymentRequest.builder(io.dcb4j.eclipsevas.model.PaymentData.of(4, "M512"))
                    .additionalField("msisdn", "27831234567").amount(new BigDecimal("49")).walletId(1).build();
            assertThat(eclipse.initiatePayment(1, request).paymentId())
                    .isEqualTo(eclipse.initiatePayment(1, request).paymentId());
        }
    }

    @Test
    void errorsUseTheEclipseErrorArray() {
        try (EclipseVasClient eclipse = typed()) {
            assertThatThrownBy(() -> eclipse.payment(999999)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> eclipse.completePayment(999999, PaymentUpdate.builder().build()))
                    .isInstanceOf(NotFoundException.class);
            Payment p = eclipse.initiatePayment(1, PaymentRequest.builder(
                    io.dcb4j.eclipsevas.model.PaymentData.of(15, "1764")).build());
            assertThatThrownBy(() -> eclipse.completePayment(p.paymentId(), PaymentUpdate.builder().walletId(1).build()))
                    .isInstanceOfSatisfying(InvalidRequestException.class,
                            e -> assertThat(e.providerCode()).contains("VAL001"));
            assertThatThrownBy(() -> eclipse.networkFor(MagicMsisdn.UNKNOWN_SUBSCRIBER.applyTo("27821234567")))
                    .isInstanceOf(NotFoundException.class);
        }
        try (EclipseVasClient wrong = EclipseVasClient.builder().baseUrl(sim.baseUrl()).tenantId(242)
                .credentials(EclipseVasSimulator.IDENTITY, "not-the-password")
                .options(ClientOptions.builder().allowInsecureHttp(true).build()).build()) {
            assertThatThrownBy(wrong::catalogs).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.providerCode()).contains("USR002"));
        }
        try (EclipseVasClient otherTenant = EclipseVasClient.builder().baseUrl(sim.baseUrl()).tenantId(7)
                .credentials(EclipseVasSimulator.IDENTITY, EclipseVasSimulator.PASSWORD)
                .options(ClientOptions.builder().allowInsecureHttp(true).build()).build()) {
            assertThatThrownBy(otherTenant::catalogs).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.providerCode()).contains("SEC001"));
        }
    }

    @Test
    void settleNeedsACompletedKnownPayment() {
        try (EclipseVasClient eclipse = typed()) {
            Payment p = eclipse.initiatePayment(1, PaymentRequest.builder(
                    io.dcb4j.eclipsevas.model.PaymentData.of(15, "1764")).amount(BigDecimal.ONE).build());
            assertThatThrownBy(() -> sim.settle(ChargeRef.of(Long.toString(p.paymentId()))))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> sim.settle(ChargeRef.of("1"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DcbSimulator("eclipse-vas")
    class Injected {
        @Test
        void theExtensionInjectsTheSimulatorAndAClient(Simulator injected, BillingProvider client) {
            assertThat(injected).isInstanceOf(EclipseVasSimulator.class);
            assertThat(client.id()).isEqualTo("eclipse-vas");
            ChargeResult started = client.charges().orElseThrow().charge(injected.sampleCharge(injected.sampleMsisdn()));
            injected.settle(started.charge());
            assertThat(client.charges().orElseThrow().status(started.charge()).state()).isEqualTo(ChargeState.SUCCEEDED);
        }
    }
}
