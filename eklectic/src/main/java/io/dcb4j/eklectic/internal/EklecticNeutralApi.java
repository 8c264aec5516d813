package io.dcb4j.eklectic.internal;

import io.dcb4j.core.Cancellations;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.spi.NeutralApi;
import io.dcb4j.eklectic.EklecticClient;
import io.dcb4j.eklectic.model.ConfirmResult;
import io.dcb4j.eklectic.model.OtpChallenge;
import io.dcb4j.eklectic.model.Subscriber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Eklectic through the neutral API, on top of the typed {@link EklecticClient}: PIN subscriptions
 * ({@code subscription/otp}, {@code subscription/confirm}), subscription status ({@code subscription/find}
 * when only MSISDN and offer are known, then {@code GET subscription/{id}}), cancellation ({@code DELETE
 * subscription/{id}}) and the client's callback parser. There is no renewal part: Eklectic renews by itself
 * and reports it with {@code RENEW} callbacks. Internal.
 */
public final class EklecticNeutralApi implements PinSubscriptions, Subscriptions, Cancellations {

    private final EklecticClient client;

    private EklecticNeutralApi(EklecticClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The neutral parts of a client: PIN subscriptions, status, cancellations and its notification parser.
     *
     * @param client the typed client; only kept, not called here
     * @return the parts
     */
    public static NeutralApi of(EklecticClient client) {
        EklecticNeutralApi neutral = new EklecticNeutralApi(client);
        return NeutralApi.builder()
                .pinSubscriptions(neutral)
                .subscriptions(neutral)
                .cancellations(neutral)
                .notifications(client.notificationParser())
                .build();
    }

    @Override
    public PinChallenge requestPin(SubscribeRequest request) {
        Objects.requireNonNull(request, "request");
        OtpChallenge c = client.sendPin(request.msisdn(), request.offer());
        Map<String, String> details = new LinkedHashMap<>();
        if (c.rawExpire() != null) {
            details.put("expire", c.rawExpire());
        }
        return new PinChallenge(EklecticClient.ID, c.code(), request, c.expiresAt(), new NextAction.EnterPin(null),
                details);
    }

    @Override
    public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
        Objects.requireNonNull(challenge, "challenge");
        if (!EklecticClient.ID.equals(challenge.provider())) {
            throw new IllegalArgumentException("the challenge comes from provider '" + challenge.provider()
                    + "', not " + EklecticClient.ID);
        }
        if (challenge.challengeId() == null) {
            throw new IllegalArgumentException("the challenge has no Eklectic code");
        }
        SubscribeRequest request = challenge.request();
        ConfirmResult result = client.confirmPin(request.msisdn(), request.offer(), challenge.challengeId(), pin);
        Subscriber s = result.subscriber();
        Map<String, String> details = EklecticMapper.details(s).put("confirm", result.rawConfirm()).build();
        return new SubscriptionResult(new SubscriptionRef(s.id(), request.msisdn(), request.offer()), s.state(),
                s.rawState(), null, false, details);
    }

    @Override
    public SubscriptionInfo status(SubscriptionRef subscription) {
        String id = resolveId(subscription);
        Subscriber s = client.subscription(id);
        return new SubscriptionInfo(subscription.withId(id), s.state(), s.rawState(),
                s.subscribedAt() != null ? s.subscribedAt() : s.createdAt(),
                s.expiresAt() != null ? s.expiresAt() : s.freePeriodEnd(), EklecticMapper.details(s).build());
    }

    @Override
    public CancelResult cancel(SubscriptionRef subscription) {
        String id = resolveId(subscription);
        client.unsubscribe(id);
        return new CancelResult(subscription.withId(id), SubscriptionState.CANCELLED, null, Map.of());
    }

    private String resolveId(SubscriptionRef ref) {
        Objects.requireNonNull(ref, "subscription");
        if (ref.id() != null) {
            return ref.id();
        }
        if (ref.offer() == null) {
            throw new IllegalArgumentException(
                    "Eklectic needs the subscription id, or the MSISDN and the offer to look it up");
        }
        return client.findSubscription(ref.msisdn(), ref.offer());
    }

    /** Names the parts, never the client's credentials. */
    @Override
    public String toString() {
        return "EklecticNeutralApi[" + client + "]";
    }
}
