package io.dcb4j.testkit.camara;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentQuery;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.PaymentStatus;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.InvalidRequestException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RefundState;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.testkit.DcbSimulator;
import io.dcb4j.testkit.MagicMsisdn;
import io.dcb4j.testkit.Simulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@DcbSimulator("camara")
class CamaraSimulatorTest {

    static Msisdn magic(Simulator sim, MagicMsisdn m) {
        return m.applyTo(sim.sampleMsisdn().digits());
    }

    static ChargeResult charge(BillingProvider client, Simulator sim, Msisdn msisdn) {
        return client.charges().orElseThrow().charge(sim.sampleCharge(msisdn));
    }

    static ChargeResult prepare(BillingProvider client, Simulator sim, Msisdn msisdn) {
        return client.charges().orElseThrow().charge(sim.sampleChargeToConfirm(msisdn));
    }

    @Test
    void theExtensionInjectsTheSimulatorAndANeutralClient(Simulator sim, BillingProvider client,
            CamaraSimulator concrete) {
        assertThat(sim).isSameAs(concrete);
        assertThat(sim.providerId()).isEqualTo("camara");
        assertThat(client).isInstanceOf(CamaraClient.class);
        assertThat(client.id()).isEqualTo("camara");
    }

    @Test
    void theHappyPathChargesConfirmsCancelsAndRefundsWithEventsTheParserAccepts(CamaraSimulator sim,
            BillingProvider client) {
        ChargeResult paid = charge(client, sim, sim.sampleMsisdn());
        assertThat(paid.state()).isEqualTo(ChargeState.SUCCEEDED);
        ChargeResult reserved = prepare(client, sim, sim.sampleMsisdn());
        assertThat(reserved.state()).isEqualTo(ChargeState.RESERVED);
        assertThat(client.chargeConfirmations().orElseThrow().confirm(reserved).state())
                .isEqualTo(ChargeState.SUCCEEDED);
        ChargeResult released = prepare(client, sim, sim.sampleMsisdn());
        assertThat(client.chargeCancellations().orElseThrow().cancel(released.charge()).state())
                .isEqualTo(ChargeState.CANCELLED);
        RefundResult refund = client.refunds().orElseThrow().refund(RefundRequest.builder(paid.charge()).build());
        assertThat(refund.state()).isEqualTo(RefundState.SUCCEEDED);
        assertThat(refund.amount()).isNull();
        assertThat(client.refunds().orElseThrow().status(refund.refund()).state()).isEqualTo(RefundState.SUCCEEDED);

        List<BillingEvent.Type> types = sim.notifications().stream()
                .map(n -> client.notifications().orElseThrow().parse(n).type()).toList();
        assertThat(types).containsExactly(BillingEvent.Type.CHARGED, BillingEvent.Type.CHARGE_RESERVED,
                BillingEvent.Type.CHARGED, BillingEvent.Type.CHARGE_RESERVED, BillingEvent.Type.CHARGE_CANCELLED,
                BillingEvent.Type.REFUNDED);
        InboundNotification first = sim.notifications().get(0);
        assertThat(first.path()).isEqualTo("/camara/sink");
        assertThat(first.header("Authorization")).hasValue("Bearer " + CamaraSimulator.SINK_TOKEN);
        assertThat(client.notifications().orElseThrow().parse(first).charge()).hasValue(paid.charge());
        InboundNotification forged = InboundNotification.builder("POST").path(first.path())
                .header("Content-Type", "application/cloudevents+json").header("Authorization", "Bearer forged")
                .remoteAddress("127.0.0.1").body(first.body()).build();
        assertThatThrownBy(() -> client.notifications().orElseThrow().parse(forged))
                .isInstanceOf(NotificationRejectedException.class);
    }

    @Test
    void aCodeValidatesTheChargeAndWrongCodesRunOutOfAttempts(CamaraSimulator sim, BillingProvider client) {
        Msisdn msisdn = CamaraSimulator.withSuffix(sim.sampleMsisdn(), CamaraSimulator.PENDING_VALIDATION);
        ChargeResult pending = prepare(client, sim, msisdn);
        assertThat(pending.state()).isEqualTo(ChargeState.PENDING_VALIDATION);
        assertThat(pending.nextAction().type()).isEqualTo(NextAction.Type.ENTER_PIN);
        String code = sim.pinSentTo(msisdn).orElseThrow();
        assertThat(client.chargeConfirmations().orElseThrow().confirm(pending, code).state())
                .isEqualTo(ChargeState.SUCCEEDED);
        assertThat(sim.pinSentTo(msisdn)).isEmpty();

        Msisdn wrong = magic(sim, MagicMsisdn.WRONG_PIN);
        ChargeResult other = prepare(client, sim, wrong);
        String sent = sim.pinSentTo(wrong).orElseThrow();
        for (int i = 1; i < CamaraSimulator.MAX_VALIDATION_ATTEMPTS; i++) {
            assertThatThrownBy(() -> client.chargeConfirmations().orElseThrow().confirm(other, sent))
                    .isInstanceOf(InvalidPinException.class);
        }
        assertThatThrownBy(() -> client.chargeConfirmations().orElseThrow().confirm(other, sent))
                .isInstanceOf(PinAttemptsExceededException.class);
        assertThat(client.charges().orElseThrow().status(other.charge()).state()).isEqualTo(ChargeState.DENIED);
    }

    @Test
    void aValidationPageIsApprovedOrDenied(CamaraSimulator sim, BillingProvider client) {
        ChargeResult open = prepare(client, sim, CamaraSimulator.withSuffix(sim.sampleMsisdn(),
                CamaraSimulator.OPEN_VALIDATION));
        assertThat(open.nextAction()).isInstanceOf(NextAction.Redirect.class);
        sim.actAsSubscriber(open.nextAction(), true);
        assertThat(client.charges().orElseThrow().status(open.charge()).state()).isEqualTo(ChargeState.RESERVED);
        ChargeResult denied = prepare(client, sim, magic(sim, MagicMsisdn.CONSENT_DENIED));
        sim.actAsSubscriber(denied.nextAction(), true);
        assertThat(client.charges().orElseThrow().status(denied.charge()).state()).isEqualTo(ChargeState.DENIED);
    }

    @Test
    void aReservationThatWaitsTooLongIsCancelled(CamaraSimulator sim, BillingProvider client) {
        sim.reservationLifetime(Duration.ofMinutes(10));
        ChargeResult reserved = prepare(client, sim, sim.sampleMsisdn());
        sim.advanceClock(Duration.ofMinutes(9));
        assertThat(client.charges().orElseThrow().status(reserved.charge()).state()).isEqualTo(ChargeState.RESERVED);
        sim.advanceClock(Duration.ofMinutes(2));
        assertThat(client.charges().orElseThrow().status(reserved.charge()).state()).isEqualTo(ChargeState.CANCELLED);
        assertThatThrownBy(() -> client.chargeConfirmations().orElseThrow().confirm(reserved))
                .isInstanceOf(ConflictException.class);
        assertThat(sim.notifications()).hasSize(2);
        assertThat(client.notifications().orElseThrow().parse(sim.notifications().get(1)).type())
                .isEqualTo(BillingEvent.Type.CHARGE_CANCELLED);
    }

    @Test
    void asyncPaymentsAndRefundsSettleLater(CamaraSimulator sim, BillingProvider client) {
        Msisdn async = CamaraSimulator.withSuffix(sim.sampleMsisdn(), CamaraSimulator.ASYNC);
        ChargeResult processing = charge(client, sim, async);
        assertThat(processing.state()).isEqualTo(ChargeState.PROCESSING);
        sim.settle(processing.charge());
        assertThat(client.charges().orElseThrow().status(processing.charge()).state())
                .isEqualTo(ChargeState.SUCCEEDED);
        RefundResult refund = client.refunds().orElseThrow().refund(RefundRequest.builder(processing.charge())
                .amount(Money.of("1.00", "EUR")).build());
        assertThat(refund.state()).isEqualTo(RefundState.PROCESSING);
        sim.settleRefund(processing.charge().id(), refund.refund().id(), true);
        assertThat(client.refunds().orElseThrow().status(refund.refund()).state()).isEqualTo(RefundState.SUCCEEDED);
    }

    @Test
    void aRetriedCreateWithTheSameCorrelatorNeverChargesTwice(CamaraSimulator sim) {
        try (CamaraClient c = (CamaraClient) sim.newClient()) {
            PaymentRequest request = PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD", "order-77")
                    .phoneNumber(sim.sampleMsisdn()).clientCorrelator("corr-77").build();
            Payment first = c.createPayment(request);
            Payment again = c.createPayment(request);
            assertThat(again.paymentId()).isEqualTo(first.paymentId());
            assertThat(c.payments(PaymentQuery.all()).items()).hasSize(1);
            assertThat(sim.notifications()).hasSize(1);
        }
    }

    @Test
    void everyMagicNumberTakesItsPath(CamaraSimulator sim, BillingProvider client) {
        assertThatThrownBy(() -> charge(client, sim, magic(sim, MagicMsisdn.INSUFFICIENT_FUNDS)))
                .isInstanceOf(InsufficientFundsException.class);
        assertThatThrownBy(() -> charge(client, sim, magic(sim, MagicMsisdn.BARRED)))
                .isInstanceOfSatisfying(InvalidRequestException.class,
                        e -> assertThat(e.providerCode()).hasValue("SERVICE_NOT_APPLICABLE"));
        assertThatThrownBy(() -> charge(client, sim, magic(sim, MagicMsisdn.UNKNOWN_SUBSCRIBER)))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.providerCode()).hasValue("IDENTIFIER_NOT_FOUND"));
        assertThatThrownBy(() -> charge(client, sim, magic(sim, MagicMsisdn.SPEND_LIMIT)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.providerCode())
                        .hasValue("CARRIER_BILLING.USER_AMOUNT_THRESHOLD_OVERPASSED"));
        assertThatThrownBy(() -> charge(client, sim, magic(sim, MagicMsisdn.ALREADY_SUBSCRIBED)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> charge(client, sim, CamaraSimulator.withSuffix(sim.sampleMsisdn(),
                CamaraSimulator.RATE_LIMITED))).isInstanceOf(RateLimitedException.class);
        Map<String, String> config = new HashMap<>(sim.clientConfig());
        config.put("max-attempts", "1");
        config.put("read-timeout", "300ms");
        try (BillingProvider c = BillingProviders.create("camara", config)) {
            assertThatThrownBy(() -> charge(c, sim, magic(sim, MagicMsisdn.PROVIDER_OUTAGE)))
                    .isInstanceOf(ProviderUnavailableException.class);
            assertThatThrownBy(() -> charge(c, sim, magic(sim, MagicMsisdn.SLOW_ANSWER)))
                    .isInstanceOf(DcbTransportException.class);
        }
    }

    @Test
    void threeLeggedTokensNameTheSubscriberAndForbidThePhoneNumber(CamaraSimulator sim) {
        try (CamaraClient c = CamaraClient.builder().baseUrl(sim.baseUrl())
                .subscriberTokens((subscriber, scope) -> io.dcb4j.core.token.CachingTokenProvider.builder(
                        "sim-3l-" + subscriber.digits() + scope, previous -> io.dcb4j.core.token.AccessToken.bearer(
                                sim.threeLeggedToken(subscriber), java.time.Instant.now().plusSeconds(600))).build())
                .options(io.dcb4j.core.ClientOptions.builder().allowInsecureHttp(true).build()).build()) {
            Payment p = c.createPayment(PaymentRequest.builder(Money.of("2.99", "EUR"), "VOD", "order-3l")
                    .phoneNumber(sim.sampleMsisdn()).build());
            assertThat(p.status()).isEqualTo(PaymentStatus.SUCCEEDED);
            assertThat(p.phoneNumber()).isEqualTo(sim.sampleMsisdn());
            assertThat(c.forSubscriber(sim.sampleMsisdn()).payment(p.paymentId()).paymentId())
                    .isEqualTo(p.paymentId());
            assertThatThrownBy(() -> c.forSubscriber(magic(sim, MagicMsisdn.BARRED)).payment(p.paymentId()))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(sim.requests().get(0).bodyText()).doesNotContain("phoneNumber");
    }

    @Test
    void unknownPaymentsAreNotFound(BillingProvider client) {
        assertThatThrownBy(() -> client.charges().orElseThrow().status(ChargeRef.of("pay-none")))
                .isInstanceOf(NotFoundException.class);
    }
}
