package io.dcb4j.core;

import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;

/** Turns a provider's callback into a neutral event. Thread-safe. */
public interface NotificationParser {

    /**
     * Parses a callback.
     *
     * @param notification the inbound HTTP request
     * @return the event; an unknown event kind gives type {@code UNKNOWN}, not an exception
     * @throws io.dcb4j.core.error.DcbProtocolException when a required parameter is missing or malformed
     * @throws io.dcb4j.core.error.NotificationRejectedException when the authenticity check fails
     */
    BillingEvent parse(InboundNotification notification);
}
