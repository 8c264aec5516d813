package io.dcb4j.examples.snippets;

import com.sun.net.httpserver.HttpServer;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Capability;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionState;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import io.dcb4j.core.notification.NotificationSecurity;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.examples.receiver.NotificationReceiver;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** The code of docs/notifications.md. */
final class Notifications {

    private Notifications() {
    }

    static CallbackEndpoint endpoint(BillingProvider provider, Consumer<BillingEvent> process) {
        // tag::endpoint-setup[]
        EventDeduplicator deduplicator = EventDeduplicator.inMemory(100_000, Duration.ofDays(7));
        CallbackEndpoint endpoint = new CallbackEndpoint(provider, deduplicator, process);
        // end::endpoint-setup[]
        return endpoint;
    }

    static HttpServer jdkServer(CallbackEndpoint endpoint) throws IOException {
        // tag::jdk-http-server[]
        HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
        server.createContext("/dcb/callbacks/eklectic", exchange -> {
            try (exchange) {
                Acknowledgement ack = endpoint.handle(exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                        exchange.getRequestHeaders(), exchange.getRequestBody().readAllBytes(),
                        exchange.getRemoteAddress().getAddress().getHostAddress());
                byte[] body = ack.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", ack.contentType());
                exchange.sendResponseHeaders(ack.status(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            }
        });
        server.start();
        // end::jdk-http-server[]
        return server;
    }

    static NotificationReceiver readyMade(BillingProvider provider) throws IOException {
        // tag::notification-receiver[]
        NotificationReceiver receiver = NotificationReceiver.start(8080, provider.notifications().orElseThrow(),
                event -> System.out.println("received " + event));   // your handler: idempotent, quick
        // end::notification-receiver[]
        return receiver;
    }

    static void checkBeforeParsing(InboundNotification notification) {
        // tag::authenticity[]
        // Only the provider's published ranges (these are documentation ranges: use your provider's).
        SourceAddressAllowList sources = SourceAddressAllowList.of("192.0.2.0/24", "2001:db8::/32");
        sources.require("eklectic", notification);        // NotificationRejectedException when outside

        // A secret you put in the callback URL you gave the provider: https://shop.example/dcb/cb?key=...
        NotificationSecurity.requireSharedSecret("eklectic", notification, "key",
                System.getenv("EKLECTIC_CALLBACK_SECRET"));   // compared in constant time

        // An HMAC-SHA256 signature of the body, hex or Base64, optionally prefixed "sha256="
        boolean signed = NotificationSecurity.hmacSha256Matches(System.getenv("CALLBACK_HMAC_KEY"),
                notification.body(), notification.header("X-Signature").orElse(null));
        // end::authenticity[]
        if (!signed) {
            throw new IllegalStateException("unsigned");
        }
    }

    // tag::shared-deduplicator[]
    /** Claims events in a table with a unique key on (provider, event_id), shared by every instance. */
    static EventDeduplicator shared(ProcessedEvents table) {
        return new EventDeduplicator() {
            @Override
            public boolean claim(BillingEvent event) {
                return table.insertIfAbsent(event.provider(), event.eventId());   // INSERT ... ON CONFLICT DO NOTHING
            }

            @Override
            public void release(BillingEvent event) {
                table.delete(event.provider(), event.eventId());
            }
        };
    }
    // end::shared-deduplicator[]

    /** A table of processed events. */
    interface ProcessedEvents {
        boolean insertIfAbsent(String provider, String eventId);

        void delete(String provider, String eventId);
    }

    /** The merchant's own subscription records. */
    interface Entitlements {
        void set(SubscriptionRef subscription, SubscriptionState state, Instant asOf);

        Instant lastChange(SubscriptionRef subscription);
    }

    // tag::out-of-order[]
    static void apply(BillingEvent event, BillingProvider provider, Entitlements entitlements) {
        SubscriptionRef ref = event.subscription().orElse(null);
        if (ref == null) {
            return;                                       // a charge event: reconcile by event.charge()
        }
        if (provider.supports(Capability.SUBSCRIPTION_STATUS)) {
            // The event says "something changed": ask for the current state instead of replaying transitions.
            SubscriptionInfo now = provider.subscriptions().orElseThrow().status(ref);
            entitlements.set(ref, now.state(), Instant.now());
            return;
        }
        Instant at = event.occurredAt().orElse(Instant.now());
        Instant last = entitlements.lastChange(ref);
        if (last != null && at.isBefore(last)) {
            return;                                       // older than what we know: a late delivery
        }
        switch (event.type()) {
            case SUBSCRIBED, REACTIVATED, RENEWED, UNSUSPENDED -> entitlements.set(ref, SubscriptionState.ACTIVE, at);
            case SUSPENDED -> entitlements.set(ref, SubscriptionState.SUSPENDED, at);
            case UNSUBSCRIBED -> entitlements.set(ref, SubscriptionState.CANCELLED, at);
            default -> { }                                // charges, refunds, UNKNOWN: record, do not change access
        }
    }
    // end::out-of-order[]
}
