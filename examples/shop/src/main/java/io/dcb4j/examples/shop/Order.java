package io.dcb4j.examples.shop;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionRef;
import java.util.ArrayList;
import java.util.List;

/** One subscription attempt of a visitor; the shop's own state, kept in memory. Guarded by its monitor. */
final class Order {

    final String id;
    final String provider;
    final Msisdn msisdn;
    PinChallenge challenge;
    SubscriptionRef subscription;
    String state = "PIN_SENT";
    String message = "";
    final List<String> events = new ArrayList<>();

    Order(String id, String provider, Msisdn msisdn) {
        this.id = id;
        this.provider = provider;
        this.msisdn = msisdn;
    }

    synchronized OrderView view(String providerState, String demoSms) {
        return new OrderView(id, provider, msisdn.toString(), state, providerState, message, List.copyOf(events),
                challenge == null ? null : challenge.nextAction(), subscription == null ? null : subscription.id(),
                demoSms);
    }
}
