package io.dcb4j.core.internal;

import io.dcb4j.core.Cancellations;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.ObservedNotificationParser;
import io.dcb4j.core.spi.NeutralApi;
import java.util.function.Supplier;

/**
 * A client's neutral parts, each call observed as one operation of the neutral name, whatever requests it makes;
 * its callbacks observed by {@link ObservedNotificationParser}. Internal.
 */
public final class ObservedNeutralApi {

    private ObservedNeutralApi() {
    }

    /** The parts of {@code api}, observed; the same capabilities. */
    public static NeutralApi wrap(String provider, DcbObserver observer, NeutralApi api) {
        NeutralApi.Builder b = NeutralApi.builder();
        api.pinSubscriptions().ifPresent(p -> b.pinSubscriptions(new PinSubscriptions() {
            @Override
            public PinChallenge requestPin(SubscribeRequest request) {
                return observe(observer, provider, "requestPin", () -> p.requestPin(request));
            }

            @Override
            public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
                return observe(observer, provider, "confirmPin", () -> p.confirmPin(challenge, pin));
            }
        }));
        api.charges().ifPresent(c -> b.charges(new Charges() {
            @Override
            public ChargeResult charge(ChargeRequest request) {
                return observe(observer, provider, "charge", () -> c.charge(request));
            }

            @Override
            public ChargeResult status(ChargeRef charge) {
                return observe(observer, provider, "chargeStatus", () -> c.status(charge));
            }
        }));
        api.chargeConfirmations().ifPresent(c -> b.chargeConfirmations(new ChargeConfirmations() {
            @Override
            public ChargeResult confirm(ChargeResult charge, String code) {
                return observe(observer, provider, "confirmCharge", () -> c.confirm(charge, code));
            }
        }));
        api.chargeCancellations().ifPresent(c -> b.chargeCancellations(new ChargeCancellations() {
            @Override
            public ChargeResult cancel(ChargeRef charge) {
                return observe(observer, provider, "cancelCharge", () -> c.cancel(charge));
            }
        }));
        api.refunds().ifPresent(r -> b.refunds(new Refunds() {
            @Override
            public RefundResult refund(RefundRequest request) {
                return observe(observer, provider, "refund", () -> r.refund(request));
            }

            @Override
            public RefundResult status(RefundRef refund) {
                return observe(observer, provider, "refundStatus", () -> r.status(refund));
            }
        }));
        api.subscriptions().ifPresent(s -> b.subscriptions(new Subscriptions() {
            @Override
            public SubscriptionInfo status(SubscriptionRef subscription) {
                return observe(observer, provider, "subscriptionStatus", () -> s.status(subscription));
            }
        }));
        api.cancellations().ifPresent(c -> b.cancellations(new Cancellations() {
            @Override
            public CancelResult cancel(SubscriptionRef subscription) {
                return observe(observer, provider, "cancel", () -> c.cancel(subscription));
            }
        }));
        api.renewals().ifPresent(r -> b.renewals(new Renewals() {
            @Override
            public RenewResult renew(SubscriptionRef subscription) {
                return observe(observer, provider, "renew", () -> r.renew(subscription));
            }
        }));
        api.notifications().ifPresent(n -> b.notifications(ObservedNotificationParser.of(provider, n, observer)));
        return b.build();
    }

    private static <T> T observe(DcbObserver observer, String provider, String operation, Supplier<T> call) {
        OperationScope scope = OperationScope.open(observer, provider, operation);
        if (scope == null) {
            return call.get();
        }
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            scope.close(e);
            throw e;
        }
        scope.close(null);
        return result;
    }
}
