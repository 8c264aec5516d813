package io.dcb4j.centili.internal;

import io.dcb4j.centili.CentiliClient;
import io.dcb4j.centili.model.CancellationResult;
import io.dcb4j.centili.model.ClientData;
import io.dcb4j.centili.model.PageCustomization;
import io.dcb4j.centili.model.StartTransactionRequest;
import io.dcb4j.centili.model.Transaction;
import io.dcb4j.centili.model.TransactionAction;
import io.dcb4j.centili.model.TransactionStart;
import io.dcb4j.centili.model.TransactionUpdate;
import io.dcb4j.centili.model.UserIdentifier;
import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.NeutralApi;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The neutral API on top of the typed {@link CentiliClient}: PIN subscriptions and one-off charges start
 * transactions, their status reads the transaction, and cancelling releases it. Centili renews subscriptions
 * itself, so there is no renewals part. Internal.
 */
public final class CentiliNeutralApi implements PinSubscriptions, Charges, Subscriptions, Cancellations {

    /** Parameters of neutral requests that fill Centili fields instead of {@code params}. */
    private static final Set<String> CONSUMED = Set.of("country", "operator", "imsi", "identid", "designid",
            "clientuserid", "wap", "idempotencykey", "servicekey");

    private final CentiliClient client;
    private final String defaultServiceKey;

    private CentiliNeutralApi(CentiliClient client, String defaultServiceKey) {
        this.client = Objects.requireNonNull(client, "client");
        this.defaultServiceKey = defaultServiceKey;
    }

    /**
     * The neutral parts of a Centili client.
     *
     * @param client the typed client the parts call
     * @param defaultServiceKey the service key of neutral charges without an offer, or null
     * @param notifications the client's callback parser
     * @return PIN subscriptions, charges, subscription status, cancellations and notifications
     */
    public static NeutralApi create(CentiliClient client, String defaultServiceKey,
            NotificationParser notifications) {
        CentiliNeutralApi api = new CentiliNeutralApi(client, defaultServiceKey);
        return NeutralApi.builder().pinSubscriptions(api).charges(api).subscriptions(api).cancellations(api)
                .notifications(Objects.requireNonNull(notifications, "notifications")).build();
    }

    // ---------------------------------------------------------------- PIN subscriptions

    @Override
    public PinChallenge requestPin(SubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionStart start = client.startTransaction(fromNeutral(request.msisdn(), request.offer().value(),
                request.price() == null ? null : request.price().amount(), request.description(),
                request.language(), request.clientReference(), request.returnUrl(), null, request.params(),
                false));
        TransactionAction action = start.action();
        NextAction next = action == null ? new NextAction.EnterPin(null) : action.toNextAction();
        return new PinChallenge(CentiliClient.ID, start.transactionId(), request, null, next, details(start));
    }

    @Override
    public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
        Objects.requireNonNull(challenge, "challenge");
        if (!CentiliClient.ID.equals(challenge.provider()) || challenge.challengeId() == null) {
            throw new IllegalArgumentException("not a Centili PIN challenge");
        }
        TransactionUpdate u = client.submitPin(challenge.challengeId(), pin);
        SubscriptionRef ref = new SubscriptionRef(u.transactionId(), challenge.request().msisdn(),
                challenge.request().offer());
        return new SubscriptionResult(ref, SubscriptionState.ACTIVE, null, null, false,
                details(u.transactionId(), u.idempotencyKey(), u.clientData()));
    }

    // ---------------------------------------------------------------- charges

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Objects.requireNonNull(request, "request");
        TransactionStart start = client.startTransaction(fromNeutral(request.msisdn(),
                request.offer() == null ? defaultServiceKey : request.offer().value(), request.amount().amount(),
                request.description(), null, request.clientReference(), request.returnUrl(),
                request.idempotencyKey(), request.params(), true));
        TransactionAction action = start.action();
        return new ChargeResult(ChargeRef.of(start.transactionId()),
                action == null ? ChargeState.PROCESSING : ChargeState.PENDING_VALIDATION, null, request.amount(),
                action == null ? NextAction.none() : action.toNextAction(), null, details(start));
    }

    @Override
    public ChargeResult status(ChargeRef charge) {
        Objects.requireNonNull(charge, "charge");
        Transaction t = client.transaction(charge.id());
        ChargeState state = CentiliMapper.chargeState(t);
        return new ChargeResult(ChargeRef.of(t.transactionId()), state, t.rawTransactionStatus(),
                t.item() == null ? null : t.item().priceMoney().orElse(null), NextAction.none(),
                state == ChargeState.DENIED ? CentiliMapper.failureReason(t.error()) : null, details(t));
    }

    // ---------------------------------------------------------------- subscriptions

    @Override
    public SubscriptionInfo status(SubscriptionRef subscription) {
        String id = idOf(subscription);
        Transaction t = client.transaction(id);
        Instant started = t.transactionType() == null ? null : switch (t.transactionType()) {
            case OPT_IN, SUB_START, CHARGE -> t.timeCharged();
            default -> null;
        };
        return new SubscriptionInfo(subscription.withId(t.transactionId()), CentiliMapper.subscriptionState(t),
                t.rawTransactionStatus(), started, null, details(t));
    }

    @Override
    public CancelResult cancel(SubscriptionRef subscription) {
        String id = idOf(subscription);
        CancellationResult r = client.releaseTransaction(id);
        return new CancelResult(subscription.withId(r.transactionId()), SubscriptionState.CANCELLED, "RELEASED",
                details(r.transactionId(), r.idempotencyKey(), r.clientData()));
    }

    private static String idOf(SubscriptionRef subscription) {
        Objects.requireNonNull(subscription, "subscription");
        return subscription.idIfKnown().orElseThrow(() -> new IllegalArgumentException(
                "Centili finds subscriptions by transaction id only: the reference has no id"));
    }

    // ---------------------------------------------------------------- neutral to Centili and back

    private StartTransactionRequest fromNeutral(Msisdn msisdn, String serviceKey, BigDecimal price,
            String itemName, String language, String clientReference, String returnUrl, String idempotencyKey,
            Map<String, String> params, boolean defaultWap) {
        Map<String, String> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), v));
        String key = p.get("servicekey") != null ? p.get("servicekey") : serviceKey;
        if (key == null) {
            throw new IllegalArgumentException("Centili needs a service key: set the offer, the 'serviceKey' "
                    + "parameter or the client's default service key");
        }
        UserIdentifier user = msisdn == null && p.get("country") == null && p.get("imsi") == null
                && p.get("operator") == null && p.get("identid") == null ? null
                : new UserIdentifier(p.get("country"), p.get("imsi"), msisdn, p.get("operator"), p.get("identid"));
        PageCustomization page = itemName == null && language == null && p.get("designid") == null ? null
                : new PageCustomization(itemName, p.get("designid"), language);
        ClientData data = p.get("clientuserid") == null && page == null && clientReference == null
                && returnUrl == null ? null : new ClientData(p.get("clientuserid"), page, clientReference, returnUrl);
        StartTransactionRequest.Builder b = StartTransactionRequest.builder(key).userIdentifier(user).price(price)
                .wap(p.containsKey("wap") ? Boolean.parseBoolean(p.get("wap")) : defaultWap).clientData(data)
                .idempotencyKey(p.get("idempotencykey") != null ? p.get("idempotencykey") : idempotencyKey);
        params.forEach((k, v) -> {
            if (!CONSUMED.contains(k.toLowerCase(Locale.ROOT))) {
                b.param(k + "=" + v);
            }
        });
        return b.build();
    }

    private static Map<String, String> details(TransactionStart s) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transactionId", s.transactionId());
        d.put("transactionType", s.rawTransactionType());
        d.put("country", s.country());
        d.put("operator", s.operator());
        d.put("idempotencyKey", s.idempotencyKey());
        if (s.action() != null) {
            d.put("actionType", s.action().rawType());
        }
        if (s.clientData() != null) {
            d.put("clientReference", s.clientData().clientReference());
            d.put("clientUserId", s.clientData().clientUserId());
        }
        return d;
    }

    private static Map<String, String> details(Transaction t) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transactionId", t.transactionId());
        d.put("transactionType", t.rawTransactionType());
        d.put("transactionStatus", t.rawTransactionStatus());
        d.put("notificationStatus", t.rawNotificationStatus());
        d.put("timeCharged", t.rawTimeCharged());
        d.put("serviceKey", t.serviceKey());
        d.put("country", t.country());
        d.put("operator", t.operator());
        d.put("error", t.error());
        if (t.item() != null) {
            d.put("itemName", t.item().name());
            d.put("itemAmount", t.item().amount() == null ? null : t.item().amount().toPlainString());
        }
        if (t.clientData() != null) {
            d.put("clientReference", t.clientData().clientReference());
            d.put("clientUserId", t.clientData().clientUserId());
        }
        return d;
    }

    /** The details of a PIN or release answer. */
    private static Map<String, String> details(String transactionId, String idempotencyKey, ClientData clientData) {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transactionId", transactionId);
        d.put("idempotencyKey", idempotencyKey);
        if (clientData != null) {
            d.put("clientReference", clientData.clientReference());
            d.put("clientUserId", clientData.clientUserId());
        }
        return d;
    }

    /** The client's base URL only, as the client shows it. */
    @Override
    public String toString() {
        return "CentiliNeutralApi[" + client + "]";
    }
}
