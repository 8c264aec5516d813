package io.dcb4j.eclipsevas.internal;

import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.eclipsevas.EclipseVasClient;
import io.dcb4j.eclipsevas.model.Payment;
import io.dcb4j.eclipsevas.model.PaymentCompletion;
import io.dcb4j.eclipsevas.model.PaymentData;
import io.dcb4j.eclipsevas.model.PaymentRequest;
import io.dcb4j.eclipsevas.model.PaymentUpdate;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The neutral API over the typed {@link EclipseVasClient}: one-off charges (initiate, then complete a payment;
 * the result stays PROCESSING until the callback or a status query), their status, and the callback parser.
 * Eclipse VAS has no PIN subscriptions, subscriptions, cancellations or renewals, so those parts are absent.
 * Internal.
 */
public final class EclipseVasNeutralApi implements Charges {

    private final EclipseVasClient client;
    private final Long defaultCustomerId;
    private final Long defaultWalletId;
    private final String defaultCallbackUrl;
    private final Supplier<String> externalIds;

    private EclipseVasNeutralApi(EclipseVasClient client, Long defaultCustomerId, Long defaultWalletId,
            String defaultCallbackUrl, Supplier<String> externalIds) {
        this.client = Objects.requireNonNull(client, "client");
        this.defaultCustomerId = defaultCustomerId;
        this.defaultWalletId = defaultWalletId;
        this.defaultCallbackUrl = defaultCallbackUrl;
        this.externalIds = Objects.requireNonNull(externalIds, "externalIds");
    }

    /**
     * The neutral parts of a client: charges and notifications.
     *
     * @param client the typed client the charges go through (only stored here)
     * @param defaultCustomerId the customer when a request names none, or null
     * @param defaultWalletId the wallet when a request names none, or null
     * @param defaultCallbackUrl the callback URL when a request names none, or null
     * @param externalIds where an {@code externalUniqueId} comes from when a request carries none
     * @param notifications the client's callback parser
     * @return the parts
     */
    public static NeutralApi create(EclipseVasClient client, Long defaultCustomerId, Long defaultWalletId,
            String defaultCallbackUrl, Supplier<String> externalIds, NotificationParser notifications) {
        return NeutralApi.builder()
                .charges(new EclipseVasNeutralApi(client, defaultCustomerId, defaultWalletId, defaultCallbackUrl,
                        externalIds))
                .notifications(notifications)
                .build();
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        Map<String, String> params = request.params();
        long customerId = longParam(params, EclipseVasClient.PARAM_CUSTOMER_ID, defaultCustomerId);
        PaymentData data = paymentData(request);
        Long walletId = params.containsKey(EclipseVasClient.PARAM_WALLET_ID)
                ? Long.valueOf(longParam(params, EclipseVasClient.PARAM_WALLET_ID, null))
                : defaultWalletId;
        String externalId = firstNonBlank(request.clientReference(), request.idempotencyKey());
        if (externalId == null) {
            externalId = externalIds.get();
        }
        PaymentRequest.Builder b = PaymentRequest.builder(data).externalUniqueId(externalId)
                .amount(request.amount()).description(request.description()).landingUrl(request.returnUrl())
                .callbackUrl(params.getOrDefault(EclipseVasClient.PARAM_CALLBACK_URL, defaultCallbackUrl))
                .phone(params.get(EclipseVasClient.PARAM_PHONE));
        if (walletId != null) {
            b.walletId(walletId);
        }
        if (params.containsKey(EclipseVasClient.PARAM_CUSTOM_FRAUD_CHECKS)) {
            String flag = params.get(EclipseVasClient.PARAM_CUSTOM_FRAUD_CHECKS).strip();
            if (!flag.equalsIgnoreCase("true") && !flag.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("param '" + EclipseVasClient.PARAM_CUSTOM_FRAUD_CHECKS
                        + "' must be true or false");
            }
            b.customFraudChecks(Boolean.parseBoolean(flag));
        }
        String fieldPrefix = EclipseVasClient.PARAM_FIELD_PREFIX;
        if (request.msisdn() != null && !params.containsKey(fieldPrefix + "msisdn")) {
            b.additionalField("msisdn", request.msisdn().digits());
        }
        params.forEach((k, v) -> {
            if (k.startsWith(fieldPrefix) && k.length() > fieldPrefix.length()) {
                b.additionalField(k.substring(fieldPrefix.length()), v);
            }
        });
        PaymentRequest paymentRequest = b.build();
        Payment initiated = client.initiatePayment(customerId, paymentRequest);
        PaymentUpdate.Builder update = PaymentUpdate.builder().amount(request.amount().amount())
                .landingUrl(request.returnUrl()).externalUniqueId(paymentRequest.externalUniqueId());
        if (walletId != null) {
            update.walletId(walletId);
        }
        PaymentCompletion completion;
        try {
            completion = client.completePayment(initiated.paymentId(), update.build());
        } catch (DcbTransportException e) {
            // the context names the payment (reference paymentId): its digits are never masked there
            throw new DcbTransportException("the payment was initiated but its completion outcome is unknown; "
                    + "query the status of this paymentId (see reference) before charging again", e.context(),
                    e.isRetryable(), e);
        }
        Payment latest = completion.updatedPayment().orElse(initiated);
        return EclipseVasMapper.chargeResult(latest, request.amount());
    }

    @Override
    public ChargeResult status(ChargeRef charge) {
        Objects.requireNonNull(charge, "charge");
        long paymentId;
        try {
            paymentId = Long.parseLong(charge.id().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an Eclipse payment id is a number");
        }
        return EclipseVasMapper.chargeResult(client.payment(paymentId), null);
    }

    private static PaymentData paymentData(ChargeRequest request) {
        String raw = request.offer() != null ? request.offer().value()
                : request.params().get(EclipseVasClient.PARAM_PAYMENT_DATA);
        if (raw == null) {
            throw new IllegalArgumentException("an offer (payment data such as 5_VD50) or param '"
                    + EclipseVasClient.PARAM_PAYMENT_DATA + "' is required");
        }
        return PaymentData.parse(raw);
    }

    private static long longParam(Map<String, String> params, String key, Long fallback) {
        String v = params.get(key);
        if (v == null || v.isBlank()) {
            if (fallback == null) {
                throw new IllegalArgumentException("param '" + key + "' is required (or configure a default)");
            }
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("param '" + key + "' must be a whole number");
        }
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    @Override
    public String toString() {
        return "EclipseVasNeutralApi[tenantId=" + client.tenantId() + "]";
    }
}
