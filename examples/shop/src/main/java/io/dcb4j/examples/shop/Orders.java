package io.dcb4j.examples.shop;

import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.BillingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The shop's orders, and the provider callbacks that update them (published by the starter's endpoint). A
 * callback can arrive before the confirmation's answer names the subscription: it waits under its ids until an
 * order claims them.
 */
@Component
class Orders {

    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, List<BillingEvent>> waiting = new ConcurrentHashMap<>();

    Order create(String provider, Msisdn msisdn) {
        Order order = new Order(UUID.randomUUID().toString(), provider, msisdn);
        orders.put(order.id, order);
        return order;
    }

    Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** The order is now known under the provider's subscription id (and its challenge id). */
    synchronized void subscribed(Order order, SubscriptionRef subscription) {
        synchronized (order) {
            order.subscription = subscription;
            for (String id : ids(order)) {
                List<BillingEvent> early = waiting.remove(order.provider + ":" + id);
                if (early != null) {
                    early.forEach(e -> apply(order, e));
                }
            }
        }
    }

    /** A callback the starter verified and de-duplicated: shown on the order of its subscription. */
    @EventListener
    synchronized void on(BillingEvent event) {
        List<String> eventIds = new ArrayList<>();
        event.subscription().map(SubscriptionRef::id).ifPresent(eventIds::add);
        event.charge().ifPresent(c -> eventIds.add(c.id()));
        for (Order order : orders.values()) {
            synchronized (order) {
                if (order.provider.equals(event.provider()) && ids(order).stream().anyMatch(eventIds::contains)) {
                    apply(order, event);
                    return;
                }
            }
        }
        eventIds.forEach(id -> waiting.computeIfAbsent(event.provider() + ":" + id, k -> new ArrayList<>())
                .add(event));
    }

    private static List<String> ids(Order order) {
        List<String> ids = new ArrayList<>();
        if (order.subscription != null && order.subscription.id() != null) {
            ids.add(order.subscription.id());
        }
        if (order.challenge != null && order.challenge.challengeId() != null) {
            ids.add(order.challenge.challengeId());
        }
        return ids;
    }

    private static void apply(Order order, BillingEvent event) {
        order.events.add(event.type().name());
        if (event.type() == BillingEvent.Type.UNSUBSCRIBED) {
            order.state = "CANCELLED";
        }
    }
}
