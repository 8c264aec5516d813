package io.dcb4j.camara.internal;

import io.dcb4j.camara.CamaraClient;
import io.dcb4j.camara.model.ChargingMetaData;
import io.dcb4j.camara.model.Page;
import io.dcb4j.camara.model.Payment;
import io.dcb4j.camara.model.PaymentRequest;
import io.dcb4j.camara.model.Refund;
import io.dcb4j.camara.model.RefundQuery;
import io.dcb4j.camara.model.RefundRequest;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.spi.JournalReferences;
import io.dcb4j.core.spi.NeutralApi;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * CAMARA through the neutral API, on top of the typed {@link CamaraClient}: charges are {@code createPayment}
 * (one step) or {@code preparePayment} (two steps) and their status {@code retrievePayment}; confirming is
 * {@code validatePayment} with the code when the payment asked for one, then {@code confirmPayment};
 * cancelling is {@code cancelPayment}; refunds are {@code createRefund} (total without an amount, partial with
 * one) and their status {@code retrieveRefund}; notifications are the client's CloudEvents parser. Confirm and
 * cancel read the payment first when they must name its phone number (two-legged access). For the charge
 * journal, a refund whose answer never came is found by its {@code clientCorrelator} (the journal's idempotency
 * key) in the payment's refunds ({@code retrieveRefunds}). Internal.
 */
public final class CamaraNeutralApi implements Charges, ChargeConfirmations, ChargeCancellations, Refunds {

    /** The charge parameter choosing the flow: {@code one-step} or {@code two-step}. */
    public static final String FLOW = "flow";

    /** How many refunds one listing page asks for when a refund is looked for by its correlator. */
    static final int REFUNDS_PER_PAGE = 100;
    /** How many listing pages are read at most when a refund is looked for by its correlator. */
    static final int MAX_REFUND_PAGES = 20;

    private final CamaraClient client;
    private final boolean twoStep;

    private CamaraNeutralApi(CamaraClient client, boolean twoStep) {
        this.client = Objects.requireNonNull(client, "client");
        this.twoStep = twoStep;
    }

    /**
     * The neutral parts of a client: charges and their status, confirmations, cancellations, refunds and
     * notifications.
     *
     * @param client the typed client; only kept, not called here
     * @param twoStep whether charges are two-step unless their {@code flow} parameter says otherwise
     * @return the parts
     */
    public static NeutralApi of(CamaraClient client, boolean twoStep) {
        CamaraNeutralApi api = new CamaraNeutralApi(client, twoStep);
        return NeutralApi.builder()
                .charges(api)
                .chargeConfirmations(api)
                .chargeCancellations(api)
                .refunds(api)
                .notifications(client.notificationParser())
                .journalReferences(new JournalReferences() {
                    @Override
                    public Optional<RefundResult> findRefund(ChargeRef charge, String idempotencyKey) {
                        return api.refundByCorrelator(charge, idempotencyKey);
                    }
                })
                .build();
    }

    // ---------------------------------------------------------------- charges

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> p = request.params();
        String flow = p.getOrDefault(FLOW, twoStep ? "two-step" : "one-step").strip().toLowerCase(Locale.ROOT);
        if (!flow.equals("one-step") && !flow.equals("two-step")) {
            throw new IllegalArgumentException("the 'flow' parameter must be one-step or two-step");
        }
        String description = request.description() != null ? request.description()
                : request.offer() != null ? request.offer().value() : null;
        if (description == null) {
            throw new IllegalArgumentException("CAMARA needs a description (the billing text): set the "
                    + "description or the offer");
        }
        String correlator = request.idempotencyKey() != null ? request.idempotencyKey() : UUID.randomUUID().toString();
        String reference = request.clientReference() != null ? request.clientReference() : correlator;
        ChargingMetaData meta = null;
        if (request.offer() != null || p.containsKey("merchantIdentifier") || p.containsKey("merchantName")
                || p.containsKey("serviceId") || p.containsKey("channel") || p.containsKey("purchaseCategoryCode")) {
            meta = new ChargingMetaData(p.get("merchantName"), p.get("merchantIdentifier"), null,
                    p.get("purchaseCategoryCode"), p.get("channel"), p.get("serviceId"),
                    request.offer() == null ? p.get("productId") : request.offer().value());
        }
        PaymentRequest.Builder b = PaymentRequest.builder(request.amount(), description, reference)
                .phoneNumber(request.msisdn())
                .clientCorrelator(correlator)
                .metaData(meta);
        if (p.containsKey("taxIncluded")) {
            b.taxIncluded(Boolean.parseBoolean(p.get("taxIncluded")));
        }
        if (p.containsKey("taxAmount")) {
            b.taxAmount(new BigDecimal(p.get("taxAmount")));
        }
        PaymentRequest payment = b.build();
        Payment answer = flow.equals("two-step") ? client.preparePayment(payment) : client.createPayment(payment);
        return CamaraMapper.chargeResult(answer);
    }

    @Override
    public ChargeResult status(ChargeRef charge) {
        Objects.requireNonNull(charge, "charge");
        return CamaraMapper.chargeResult(client.payment(charge.id()));
    }

    // ---------------------------------------------------------------- confirm and cancel

    @Override
    public ChargeResult confirm(ChargeResult charge, String code) {
        Objects.requireNonNull(charge, "charge");
        String id = charge.charge().id();
        boolean asksCode = charge.state() == ChargeState.PENDING_VALIDATION
                && charge.nextAction().type() == NextAction.Type.ENTER_PIN;
        if (code != null && !code.isBlank()) {
            String authorizationId = charge.details().get("authorizationId");
            if (authorizationId == null) {
                throw new IllegalArgumentException("this charge asked for no code: pass the result of charge(), "
                        + "whose details carry the authorizationId, or confirm without a code");
            }
            client.validatePayment(id, authorizationId, code);
        } else if (asksCode) {
            throw new IllegalArgumentException("the charge waits for the code the subscriber received");
        }
        client.confirmPayment(id, phoneNumber(id));
        return status(charge.charge());
    }

    @Override
    public ChargeResult cancel(ChargeRef charge) {
        Objects.requireNonNull(charge, "charge");
        client.cancelPayment(charge.id(), phoneNumber(charge.id()));
        return status(charge);
    }

    /** The phone number to name: none for a view (its subscriber), else the payment's (two-legged access). */
    private Msisdn phoneNumber(String paymentId) {
        if (client.subscriber().isPresent()) {
            return null;
        }
        return client.payment(paymentId).phoneNumber();
    }

    // ---------------------------------------------------------------- refunds

    @Override
    public RefundResult refund(io.dcb4j.core.model.RefundRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> p = request.params();
        String correlator = request.idempotencyKey() != null ? request.idempotencyKey()
                : UUID.randomUUID().toString();
        String reference = request.clientReference() != null ? request.clientReference() : correlator;
        RefundRequest.Builder b = request.isTotal() ? RefundRequest.total(reference)
                : RefundRequest.partial(request.amount(), p.getOrDefault("description",
                        request.reason() != null ? request.reason() : "Refund"), reference);
        b.clientCorrelator(correlator).reason(request.reason()).merchantIdentifier(p.get("merchantIdentifier"));
        return CamaraMapper.refundResult(client.createRefund(request.charge().id(), b.build()));
    }

    @Override
    public RefundResult status(RefundRef refund) {
        Objects.requireNonNull(refund, "refund");
        return CamaraMapper.refundResult(client.refund(refund.charge().id(), refund.id()));
    }

    /**
     * The refund of a payment that carries this {@code clientCorrelator}: the payment's refunds, page by page.
     *
     * @return the refund; empty when the payment has more refunds than are read
     * @throws NotFoundException when no refund of the payment carries it, or the payment is unknown
     */
    Optional<RefundResult> refundByCorrelator(ChargeRef charge, String correlator) {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(correlator, "correlator");
        for (int page = 1; page <= MAX_REFUND_PAGES; page++) {
            Page<Refund> refunds = client.refunds(charge.id(), RefundQuery.builder().page(page, REFUNDS_PER_PAGE)
                    .build());
            for (Refund r : refunds.items()) {
                if (correlator.equals(r.clientCorrelator())) {
                    return Optional.of(CamaraMapper.refundResult(r));
                }
            }
            if (refunds.items().isEmpty() || !refunds.hasMore()) {
                throw new NotFoundException("no refund of the payment carries this clientCorrelator",
                        ErrorContext.of(CamaraClient.ID, "retrieveRefunds"), null);
            }
        }
        return Optional.empty();
    }

    /** Names the parts, never the client's credentials. */
    @Override
    public String toString() {
        return "CamaraNeutralApi[" + client + "]";
    }
}
