package io.dcb4j.examples.cli;

import io.dcb4j.core.ProviderText;
import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.notification.BillingEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Readable one-line renderings of neutral results; MSISDNs stay masked, and provider text is cleaned
 * ({@link ProviderText}) so that an answer cannot move the cursor, recolour the terminal or forge lines.
 */
final class Print {

    private Print() {
    }

    static String action(NextAction a) {
        if (a instanceof NextAction.Redirect r) {
            return "REDIRECT to " + ProviderText.printable(r.url());
        }
        if (a instanceof NextAction.SendSms s) {
            return "SEND_SMS '" + ProviderText.clean(s.keyword()) + "' to " + ProviderText.printable(s.shortcode());
        }
        if (a instanceof NextAction.SolveCaptcha c) {
            return "SOLVE_CAPTCHA (" + c.answers().size() + " answers)";
        }
        if (a instanceof NextAction.Unknown u) {
            return "UNKNOWN action '" + ProviderText.clean(u.rawType()) + "'";
        }
        return a.type().name();
    }

    static String challenge(PinChallenge c) {
        return "challenge " + (c.challengeId() == null ? "-" : ProviderText.printable(c.challengeId()))
                + ", next action " + action(c.nextAction()) + (c.expiresAt() == null ? "" : ", expires " + c.expiresAt());
    }

    static String subscription(SubscriptionResult r) {
        return "subscription " + id(r.subscription().id()) + " " + r.state() + raw(r.rawState())
                + (r.charged() == null ? ", nothing charged" : ", charged " + r.charged())
                + (r.reactivated() ? ", reactivated" : "");
    }

    static String info(SubscriptionInfo i) {
        return "subscription " + id(i.subscription().id()) + " " + i.state() + raw(i.rawState())
                + (i.expiresAt() == null ? "" : ", expires " + i.expiresAt());
    }

    static String charge(ChargeResult c) {
        return "charge " + ProviderText.printable(c.charge().id()) + " " + c.state() + raw(c.rawState())
                + (c.amount() == null ? "" : ", amount " + c.amount())
                + (c.nextAction().type() == NextAction.Type.NONE ? "" : ", next action " + action(c.nextAction()))
                + (c.failureReason() == null ? "" : ", failure " + c.failureReason())
                + (c.details().get("authorizationId") == null ? ""
                        : ", authorization " + ProviderText.printable(c.details().get("authorizationId")))
                + (c.subscription() == null || c.subscription().id() == null ? ""
                        : ", subscription " + ProviderText.printable(c.subscription().id()));
    }

    static String refund(RefundResult r) {
        return "refund " + ProviderText.printable(r.refund().id()) + " of charge "
                + ProviderText.printable(r.refund().charge().id()) + " " + r.state() + raw(r.rawState())
                + (r.amount() == null ? ", the whole charge" : ", amount " + r.amount());
    }

    static String cancel(CancelResult c) {
        return "subscription " + id(c.subscription().id()) + " " + c.state() + raw(c.rawState());
    }

    static String renew(RenewResult r) {
        return r.outcome() + ", charge " + r.chargeState() + (r.charged() == null ? "" : " " + r.charged())
                + ", use subscription " + id(r.current().id()) + " from now on";
    }

    static String event(BillingEvent e) {
        return e.type() + e.rawType().map(t -> " (" + ProviderText.clean(t) + ")").orElse("") + ", event id "
                + ProviderText.printable(e.eventId())
                + subscriptionOf(e).map(s -> ", subscription " + s).orElse("")
                + e.charge().map(c -> ", charge " + ProviderText.printable(c.id())).orElse("")
                + e.msisdn().map(m -> ", msisdn " + m).orElse("")
                + e.amount().map(m -> ", amount " + m).orElse("")
                + e.failureReason().map(f -> ", failure " + f).orElse("")
                + ", answer HTTP " + e.acknowledgement().status();
    }

    /**
     * The subscription an event is about, printable; left out for a charge event whose "subscription" is only
     * the charge's own transaction (a one-off charge is not a subscription).
     */
    static Optional<String> subscriptionOf(BillingEvent e) {
        Optional<String> id = e.subscription().flatMap(SubscriptionRef::idIfKnown);
        boolean chargeEvent = e.type() == BillingEvent.Type.CHARGED || e.type() == BillingEvent.Type.CHARGE_FAILED
                || e.type() == BillingEvent.Type.PAYMENT_COMPLETED || e.type() == BillingEvent.Type.REFUNDED;
        if (chargeEvent && id.isPresent() && e.charge().map(c -> c.id().equals(id.get())).orElse(false)) {
            return Optional.empty();
        }
        return id.map(ProviderText::printable);
    }

    static String details(Map<String, String> details) {
        return details.isEmpty() ? "" : " " + details;
    }

    private static String id(String id) {
        return id == null ? "(by msisdn)" : ProviderText.printable(id);
    }

    private static String raw(String raw) {
        return raw == null ? "" : " [" + ProviderText.clean(raw) + "]";
    }
}
