package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.Capability;
import io.dcb4j.core.Charges;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import java.util.Map;

/** The code of docs/neutral-api.md. */
final class NeutralApi {

    private NeutralApi() {
    }

    static BillingProvider fromConfiguration(Map<String, String> config) {
        // tag::create-from-config[]
        BillingProvider provider = BillingProviders.create(config.get("provider"), config);
        // end::create-from-config[]
        return provider;
    }

    static void start(BillingProvider provider, Msisdn msisdn) {
        // tag::by-capability[]
        if (provider.supports(Capability.PIN_SUBSCRIPTION)) {
            PinChallenge challenge = provider.pinSubscriptions().orElseThrow()
                    .requestPin(SubscribeRequest.builder(msisdn, OfferId.of("gold-weekly"))
                            .price(Money.of("2.50", "AED"))
                            .frequency("week")
                            .language("en")
                            .clientReference("order-4711")
                            .build());
            follow(challenge.nextAction());
        } else if (provider.supports(Capability.ONE_OFF_CHARGE)) {
            Charges charges = provider.charges().orElseThrow();
            ChargeResult charge = charges.charge(ChargeRequest.builder(Money.of("2.50", "AED"))
                    .msisdn(msisdn)
                    .description("Gold, one week")
                    .clientReference("order-4711")
                    .returnUrl("https://shop.example/dcb/return")
                    .build());
            follow(charge.nextAction());
        }
        // end::by-capability[]
    }

    // tag::next-action[]
    static void follow(NextAction action) {
        switch (action.type()) {
            case NONE -> showResult();
            case ENTER_PIN -> askForPin(action.instruction().orElse("Type the PIN we sent you by SMS"));
            case REDIRECT -> redirectBrowserTo(((NextAction.Redirect) action).url());
            case SEND_SMS -> {
                NextAction.SendSms sms = (NextAction.SendSms) action;
                showText("Send " + sms.keyword() + " to " + sms.shortcode());
            }
            case SOLVE_CAPTCHA -> showCaptcha((NextAction.SolveCaptcha) action);
            default -> showGenericError();   // UNKNOWN: a kind of action this version does not know
        }
    }
    // end::next-action[]

    static SubscriptionRef renewAndKeep(BillingProvider provider, SubscriptionRef stored) {
        // tag::renew[]
        RenewResult renewed = provider.renewals().orElseThrow().renew(stored);
        SubscriptionRef next = renewed.current();   // B2M issues a new id: the old one stops working
        saveReference(next);
        // end::renew[]
        return next;
    }

    static void status(BillingProvider provider, SubscriptionRef stored) {
        // tag::status[]
        SubscriptionInfo info = provider.subscriptions().orElseThrow().status(stored);
        switch (info.state()) {
            case ACTIVE -> grantAccess();
            case PENDING -> showText("Waiting for the operator");
            case SUSPENDED, CANCELLED, EXPIRED -> revokeAccess();
            default -> logRawState(info.rawState());   // UNKNOWN: the provider's own text is kept
        }
        // end::status[]
    }

    private static void showResult() {
    }

    private static void askForPin(String instruction) {
    }

    private static void redirectBrowserTo(String url) {
    }

    private static void showText(String text) {
    }

    private static void showCaptcha(NextAction.SolveCaptcha captcha) {
    }

    private static void showGenericError() {
    }

    private static void saveReference(SubscriptionRef ref) {
    }

    private static void grantAccess() {
    }

    private static void revokeAccess() {
    }

    private static void logRawState(String raw) {
    }
}
