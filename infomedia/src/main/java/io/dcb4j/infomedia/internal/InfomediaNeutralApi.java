package io.dcb4j.infomedia.internal;

import io.dcb4j.core.Cancellations;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.infomedia.InfomediaClient;
import io.dcb4j.infomedia.model.CancellationResult;
import io.dcb4j.infomedia.model.JoinOutcome;
import io.dcb4j.infomedia.model.JoinResult;
import io.dcb4j.infomedia.model.PinResult;
import io.dcb4j.infomedia.model.SubscriptionRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The neutral API of an {@link InfomediaClient}, on its typed API: PIN subscriptions (requestPin =
 * {@code PINGenerateWithParams}, confirmPin = {@code SubscriptionJoinWithParams}), cancellations
 * ({@code SubscriptionUnsubscribe}) and the webhook parser. Infomedia has no status endpoint and renews
 * subscriptions itself (reported as type 5 Charge webhooks), and offers no one-off charges: those parts are
 * absent.
 */
public final class InfomediaNeutralApi implements PinSubscriptions, Cancellations {

    private final InfomediaClient client;

    private InfomediaNeutralApi(InfomediaClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The neutral parts of a client.
     *
     * @param client the typed client the parts call
     * @return the parts: PIN subscriptions, cancellations, notifications
     */
    public static NeutralApi create(InfomediaClient client) {
        InfomediaNeutralApi parts = new InfomediaNeutralApi(client);
        return NeutralApi.builder()
                .pinSubscriptions(parts)
                .cancellations(parts)
                .notifications(client.notificationParser())
                .build();
    }

    /**
     * The typed request for a neutral one: the offer is the numeric product id; price, frequency, language
     * and description become the typed params; the neutral params {@code mcc} and {@code mnc} set the
     * network, the others are sent as extra params. The neutral {@code clientReference} and {@code returnUrl}
     * have no Infomedia field and are not sent.
     */
    static SubscriptionRequest toTyped(SubscribeRequest r) {
        long productId;
        try {
            productId = Long.parseLong(r.offer().value().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the offer must be Infomedia's numeric product id");
        }
        SubscriptionRequest.Builder b = SubscriptionRequest.builder(r.msisdn(), productId)
                .frequency(r.frequency()).language(r.language()).description(r.description());
        if (r.price() != null) {
            b.amount(r.price().amount());
        }
        r.params().forEach((k, v) -> {
            if (k.equals("mcc")) {
                b.mcc(v);
            } else if (k.equals("mnc")) {
                b.mnc(v);
            } else {
                b.param(k, v);
            }
        });
        return b.build();
    }

    @Override
    public PinChallenge requestPin(SubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        PinResult pin = client.generatePin(toTyped(request));
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", pin.status());
        details.put("code", pin.description().code());
        details.put("description", pin.description().raw());
        details.put("pinId", pin.pinId());
        return new PinChallenge(InfomediaClient.ID, pin.pinId(), request, null, new NextAction.EnterPin(null),
                details);
    }

    @Override
    public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
        Objects.requireNonNull(challenge, "challenge");
        if (!InfomediaClient.ID.equals(challenge.provider())) {
            throw new IllegalArgumentException("the challenge comes from provider " + challenge.provider());
        }
        SubscriptionRequest typed = toTyped(challenge.request());
        JoinResult r = client.join(typed, pin);
        SubscriptionState state;
        if (Boolean.TRUE.equals(r.suspended())) {
            state = SubscriptionState.SUSPENDED;
        } else if (Boolean.FALSE.equals(r.subscribed())) {
            state = SubscriptionState.PENDING;
        } else {
            state = SubscriptionState.ACTIVE;
        }
        String sid = r.sid() != null ? r.sid() : Long.toString(typed.productId());
        SubscriptionRef ref = new SubscriptionRef(sid, typed.msisdn(), challenge.request().offer());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", r.status());
        details.put("code", r.description().code());
        details.put("description", r.description().raw());
        details.put("outcome", r.outcome().name());
        details.put("sid", r.sid());
        details.put("txid", r.txid());
        details.put("mcc", r.mcc());
        details.put("mnc", r.mnc());
        details.put("subscribed", r.subscribed() == null ? null : r.subscribed().toString());
        details.put("suspended", r.suspended() == null ? null : r.suspended().toString());
        if (r.confirmation() != null) {
            details.put("conf.status", r.confirmation().status());
            details.put("conf.description", r.confirmation().description().raw());
            details.put("conf.portedMcc", r.confirmation().portedMcc());
            details.put("conf.portedMnc", r.confirmation().portedMnc());
        }
        return new SubscriptionResult(ref, state, r.description().raw(),
                r.outcome() == JoinOutcome.CHARGED ? challenge.request().price() : null, r.reactivated(),
                details);
    }

    @Override
    public CancelResult cancel(SubscriptionRef subscription) {
        Objects.requireNonNull(subscription, "subscription");
        Msisdn msisdn = subscription.msisdnIfKnown().orElseThrow(() -> new IllegalArgumentException(
                "cancelling an infomedia subscription needs the subscriber's MSISDN"));
        String sid = subscription.idIfKnown().orElseGet(() -> subscription.offerIfKnown().map(OfferId::value)
                .orElseThrow(() -> new IllegalArgumentException(
                        "cancelling an infomedia subscription needs its sid or the product id")));
        CancellationResult r = client.unsubscribe(sid, msisdn);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("status", r.status());
        details.put("code", r.description().code());
        details.put("description", r.description().raw());
        details.put("sid", r.sid());
        details.put("mcc", r.mcc());
        details.put("mnc", r.mnc());
        SubscriptionRef ref = subscription.id() == null ? subscription.withId(sid) : subscription;
        return new CancelResult(ref, SubscriptionState.CANCELLED, r.description().raw(), details);
    }

    /** The client's parts, without its settings. */
    @Override
    public String toString() {
        return "InfomediaNeutralApi[" + InfomediaClient.ID + "]";
    }
}
