package io.dcb4j.b2maoc.internal;

import io.dcb4j.b2maoc.B2mAocClient;
import io.dcb4j.b2maoc.model.AocErrorCode;
import io.dcb4j.b2maoc.model.AocTransactionId;
import io.dcb4j.b2maoc.model.CancellationResult;
import io.dcb4j.b2maoc.model.ChargeStatus;
import io.dcb4j.b2maoc.model.ChargeToken;
import io.dcb4j.b2maoc.model.RenewalResult;
import io.dcb4j.b2maoc.model.SpTransactionId;
import io.dcb4j.b2maoc.model.SubscriptionStatus;
import io.dcb4j.b2maoc.model.TransactionOperationStatus;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.NeutralApi;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The neutral API of the B2M AOC gateway on top of the typed client: one-off charges and their status (the
 * charge id is the {@code aocTransID}), and the subscription's status, cancel and renew (the subscription id is
 * the current {@code spTransID}, with the MSISDN). No PIN subscriptions.
 */
public final class B2mAocNeutralApi implements Charges, Subscriptions, Cancellations, Renewals {

    private final B2mAocClient client;

    private B2mAocNeutralApi(B2mAocClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The neutral parts of a client.
     *
     * @param client the typed client the adapters call
     * @param notifications the client's callback parser
     * @return the parts: charges, subscription status, cancellations, renewals and notifications
     */
    public static NeutralApi of(B2mAocClient client, NotificationParser notifications) {
        B2mAocNeutralApi api = new B2mAocNeutralApi(client);
        return NeutralApi.builder().charges(api).subscriptions(api).cancellations(api).renewals(api)
                .notifications(notifications).build();
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        String keyword = request.offer() != null ? request.offer().value() : request.params().get("keyword");
        if (keyword == null || keyword.isBlank()) {
            throw new IllegalArgumentException("a B2M AOC charge needs the service keyword as offer");
        }
        if (request.msisdn() == null) {
            throw new IllegalArgumentException("a B2M AOC charge needs the subscriber's MSISDN");
        }
        ChargeToken token = client.requestCharge(keyword, request.msisdn());
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "spTransID", token.spTransId() == null ? null : token.spTransId().value());
        put(details, "keyword", token.keyword());
        put(details, "message", token.message());
        SubscriptionRef subscription = token.spTransId() == null ? null
                : new SubscriptionRef(token.spTransId().value(), request.msisdn(), request.offer());
        return new ChargeResult(ChargeRef.of(token.aocTransId().value()), ChargeState.PENDING_VALIDATION, null,
                null, new NextAction.Redirect(token.consentUrl(), request.returnUrl(), null), null, details,
                subscription);
    }

    @Override
    public ChargeResult status(ChargeRef charge) {
        Objects.requireNonNull(charge, "charge");
        AocTransactionId id = AocTransactionId.of(charge.id());
        ChargeStatus s = client.chargeStatus(id);
        ChargeState state = s.status().chargeState();
        NextAction next = s.status() == TransactionOperationStatus.PENDING_CONSENT
                ? new NextAction.Redirect(client.consentUrl(id), null, null) : NextAction.none();
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "chargeMode", s.chargeMode());
        put(details, "clientCorrelator", s.clientCorrelator());
        put(details, "errorCode", s.errorCode());
        put(details, "errorMessage", s.errorMessage());
        put(details, "message", s.message());
        return new ChargeResult(charge, state, s.rawStatus(), s.totalCharged().orElse(null), next,
                state == ChargeState.DENIED ? failureReasonOf(s.errorCode()) : null, details, null);
    }

    @Override
    public SubscriptionInfo status(SubscriptionRef subscription) {
        requireIdAndMsisdn(subscription);
        SubscriptionStatus s = client.subscriptionStatus(SpTransactionId.of(subscription.id()), subscription.msisdn());
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "subscriptionID", s.subscriptionId());
        put(details, "subscriptionName", s.subscriptionName());
        put(details, "expiryDate", s.rawExpiryDate());
        put(details, "errorCode", s.errorCode());
        put(details, "errorMessage", s.errorMessage());
        // the expiry date is the last day of the subscription: it ends at the start of the next day
        Instant expires = s.expiryDate() == null ? null
                : s.expiryDate().plusDays(1).atStartOfDay(client.zone()).toInstant();
        return new SubscriptionInfo(subscription, s.state(), s.rawStatus(), null, expires, details);
    }

    @Override
    public CancelResult cancel(SubscriptionRef subscription) {
        requireIdAndMsisdn(subscription);
        CancellationResult r = client.cancelSubscription(SpTransactionId.of(subscription.id()),
                subscription.msisdn());
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "errorCode", r.errorCode());
        put(details, "errorMessage", r.errorMessage());
        return new CancelResult(subscription, SubscriptionState.CANCELLED, r.message(), details);
    }

    @Override
    public RenewResult renew(SubscriptionRef subscription) {
        requireIdAndMsisdn(subscription);
        RenewalResult r = client.renewSubscription(SpTransactionId.of(subscription.id()), subscription.msisdn());
        ChargeState state = r.outcome() == RenewResult.Outcome.ALREADY_RENEWED ? ChargeState.SUCCEEDED
                : r.status().chargeState();
        Map<String, String> details = new LinkedHashMap<>();
        put(details, "aocTransID", r.aocTransId() == null ? null : r.aocTransId().value());
        put(details, "chargeMode", r.chargeMode());
        put(details, "subscriptionID", r.subscriptionId());
        put(details, "message", r.message());
        put(details, "errorCode", r.errorCode());
        put(details, "errorMessage", r.errorMessage());
        Money charged = r.totalCharged().orElse(null);
        return new RenewResult(subscription, subscription.withId(r.currentSpTransId().value()), r.outcome(), state,
                charged, r.rawStatus(), details);
    }

    private static void requireIdAndMsisdn(SubscriptionRef ref) {
        Objects.requireNonNull(ref, "subscription");
        if (ref.id() == null || ref.msisdn() == null) {
            throw new IllegalArgumentException(
                    "a B2M AOC subscription reference needs the spTransID as id and the MSISDN");
        }
    }

    private static FailureReason failureReasonOf(String errorCode) {
        if (errorCode == null || "00".equals(errorCode)) {
            return FailureReason.DENIED;
        }
        return AocErrorCode.of(errorCode).map(AocErrorCode::failureReason).orElse(FailureReason.OTHER);
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The client's settings only. */
    @Override
    public String toString() {
        return "B2mAocNeutralApi[" + client + "]";
    }
}
