package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.Acknowledgement;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.notification.InboundNotification;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

// tag::callback-endpoint[]
/** A provider's callback endpoint, independent of the web framework that calls it. */
final class CallbackEndpoint {

    private final NotificationParser parser;
    private final EventDeduplicator deduplicator;
    private final Consumer<BillingEvent> process;

    CallbackEndpoint(BillingProvider provider, EventDeduplicator deduplicator, Consumer<BillingEvent> process) {
        this.parser = provider.notifications().orElseThrow();
        this.deduplicator = deduplicator;
        this.process = process;
    }

    Acknowledgement handle(String method, String path, String rawQuery, Map<String, List<String>> headers,
            byte[] body, String remoteAddress) {
        // tag::to-inbound-notification[]
        InboundNotification.Builder request = InboundNotification.builder(method)
                .path(path)
                .rawQuery(rawQuery)          // still URL-encoded, may be null
                .body(body)                  // may be null or empty
                .remoteAddress(remoteAddress);
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        InboundNotification notification = request.build();
        // end::to-inbound-notification[]
        BillingEvent event;
        try {
            event = parser.parse(notification);
        } catch (NotificationRejectedException e) {
            return new Acknowledgement(403, "text/plain", "forbidden");   // bad secret, signature or source
        } catch (DcbProtocolException e) {
            return new Acknowledgement(400, "text/plain", "malformed");
        }
        if (deduplicator.claim(event)) {                  // first delivery of this eventId
            try {
                process.accept(event);
            } catch (RuntimeException e) {
                deduplicator.release(event);              // let the provider's retry be processed
                return new Acknowledgement(500, "text/plain", "try again later");
            }
        }
        return event.acknowledgement();                   // duplicates are acknowledged too
    }

    /** Servlet containers give header names and values as enumerations. */
    static Map<String, List<String>> headers(Enumeration<String> names, Function<String, Enumeration<String>> values) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(names)) {
            headers.put(name, Collections.list(values.apply(name)));
        }
        return headers;
    }
}
// end::callback-endpoint[]
