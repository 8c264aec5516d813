package io.dcb4j.examples.shop;

import io.dcb4j.core.model.NextAction;
import java.util.List;

/**
 * What the order page shows.
 *
 * @param id the shop's order id
 * @param provider the provider id
 * @param msisdn the subscriber, masked
 * @param state the shop's state of the order
 * @param providerState the provider's status of the subscription, when it has one
 * @param message the last message for the visitor
 * @param events the callbacks received, oldest first
 * @param nextAction what the subscriber must do, while subscribing
 * @param subscriptionId the provider's subscription id, once subscribed
 * @param demoSms the SMS the demo phone received (simulators only)
 */
public record OrderView(String id, String provider, String msisdn, String state, String providerState, String message,
        List<String> events, NextAction nextAction, String subscriptionId, String demoSms) {

    /**
     * Whether the page asks for the PIN.
     *
     * @return true while the PIN is awaited
     */
    public boolean waitingForPin() {
        return nextAction instanceof NextAction.EnterPin && "PIN_SENT".equals(state);
    }

    /**
     * The operator's consent page, for providers that confirm there instead of by PIN.
     *
     * @return the URL, or null
     */
    public String redirectUrl() {
        return nextAction instanceof NextAction.Redirect r && "PIN_SENT".equals(state) ? r.url() : null;
    }

    /**
     * Whether the page offers to cancel.
     *
     * @return true for a subscription that is not cancelled
     */
    public boolean cancellable() {
        return subscriptionId != null && !"CANCELLED".equals(state);
    }
}
