package io.dcb4j.examples.cli;

import static io.dcb4j.examples.cli.Output.object;

import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.notification.BillingEvent;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON documents of the neutral results ({@code docs/cli.md} lists them). Every document has a
 * {@code type}; absent values are left out; amounts are {@code {"amount": "155.00", "currency": "ZAR"}} with
 * the amount as a string at the currency's scale; MSISDNs are masked and provider text is cleaned as in the
 * readable lines.
 */
final class Shapes {

    private Shapes() {
    }

    static Map<String, Object> money(Money m) {
        return m == null ? null : object("amount", m.displayAmount().toPlainString(),
                "currency", m.currency().getCurrencyCode());
    }

    static Map<String, Object> action(NextAction a) {
        if (a instanceof NextAction.Redirect r) {
            return object("type", a.type().name(), "url", ProviderText.printable(r.url()),
                    "returnUrl", r.returnUrl() == null ? null : ProviderText.printable(r.returnUrl()));
        }
        if (a instanceof NextAction.SendSms s) {
            return object("type", a.type().name(), "shortcode", ProviderText.printable(s.shortcode()),
                    "keyword", ProviderText.clean(s.keyword()));
        }
        if (a instanceof NextAction.SolveCaptcha c) {
            return object("type", a.type().name(), "imageUrl", c.imageUrl() == null ? null
                    : ProviderText.printable(c.imageUrl()), "answers", c.answers().size());
        }
        if (a instanceof NextAction.Unknown u) {
            return object("type", a.type().name(), "rawType", ProviderText.clean(u.rawType()));
        }
        return object("type", a.type().name());
    }

    static Map<String, Object> challenge(String provider, PinChallenge c) {
        return object("type", "pinChallenge", "provider", provider,
                "challengeId", c.challengeId() == null ? null : ProviderText.printable(c.challengeId()),
                "nextAction", action(c.nextAction()), "expiresAt", instant(c.expiresAt()));
    }

    static Map<String, Object> subscription(String provider, SubscriptionResult r) {
        return object("type", "subscription", "provider", provider, "subscriptionId", id(r.subscription()),
                "state", r.state().name(), "rawState", raw(r.rawState()), "charged", money(r.charged()),
                "reactivated", r.reactivated());
    }

    static Map<String, Object> info(String provider, SubscriptionInfo i) {
        return object("type", "subscriptionStatus", "provider", provider, "subscriptionId", id(i.subscription()),
                "state", i.state().name(), "rawState", raw(i.rawState()), "subscribedAt", instant(i.subscribedAt()),
                "expiresAt", instant(i.expiresAt()));
    }

    static Map<String, Object> charge(String provider, ChargeResult c) {
        return object("type", "charge", "provider", provider, "chargeId", ProviderText.printable(c.charge().id()),
                "state", c.state().name(), "final", c.state().isFinal(), "rawState", raw(c.rawState()),
                "amount", money(c.amount()),
                "nextAction", c.nextAction().type() == NextAction.Type.NONE ? null : action(c.nextAction()),
                "failureReason", c.failureReason() == null ? null : c.failureReason().name(),
                "subscriptionId", c.subscription() == null ? null : id(c.subscription()));
    }

    static Map<String, Object> refund(String provider, RefundResult r) {
        return object("type", "refund", "provider", provider, "refundId", ProviderText.printable(r.refund().id()),
                "chargeId", ProviderText.printable(r.refund().charge().id()), "state", r.state().name(),
                "rawState", raw(r.rawState()), "amount", money(r.amount()));
    }

    static Map<String, Object> cancel(String provider, CancelResult c) {
        return object("type", "cancellation", "provider", provider, "subscriptionId", id(c.subscription()),
                "state", c.state().name(), "rawState", raw(c.rawState()));
    }

    static Map<String, Object> renew(String provider, RenewResult r) {
        return object("type", "renewal", "provider", provider, "outcome", r.outcome().name(),
                "chargeState", r.chargeState() == null ? null : r.chargeState().name(), "charged", money(r.charged()),
                "previousSubscriptionId", id(r.previous()), "subscriptionId", id(r.current()),
                "rawState", raw(r.rawState()));
    }

    static Map<String, Object> event(BillingEvent e) {
        return object("type", "event", "provider", e.provider(), "event", e.type().name(),
                "rawType", e.rawType().map(ProviderText::clean).orElse(null),
                "eventId", ProviderText.printable(e.eventId()),
                "subscriptionId", Print.subscriptionOf(e).orElse(null),
                "chargeId", e.charge().map(c -> ProviderText.printable(c.id())).orElse(null),
                "msisdn", e.msisdn().map(Object::toString).orElse(null),
                "offer", e.offer().map(o -> ProviderText.printable(o.value())).orElse(null),
                "amount", e.amount().map(Shapes::money).orElse(null),
                "occurredAt", e.occurredAt().map(Shapes::instant).orElse(null),
                "failureReason", e.failureReason().map(Enum::name).orElse(null),
                "acknowledgement", object("status", e.acknowledgement().status(),
                        "contentType", e.acknowledgement().contentType(), "body", e.acknowledgement().body()));
    }

    private static String id(SubscriptionRef ref) {
        return ref == null || ref.id() == null ? null : ProviderText.printable(ref.id());
    }

    private static String raw(String raw) {
        return raw == null ? null : ProviderText.clean(raw);
    }

    private static String instant(Instant t) {
        return t == null ? null : t.toString();
    }
}
