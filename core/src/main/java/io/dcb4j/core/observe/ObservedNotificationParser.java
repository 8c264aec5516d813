package io.dcb4j.core.observe;

import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.internal.Observers;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.InboundNotification;
import java.util.Objects;
import java.util.Optional;

/**
 * A parser that tells an observer how each callback ended: {@link NotificationEvent.Outcome#ACCEPTED} with the
 * event's type, {@link NotificationEvent.Outcome#REFUSED} with the {@link NotificationRejectedException.Reason},
 * or {@link NotificationEvent.Outcome#INVALID}; it parses, and throws, exactly what the wrapped parser does. The
 * parsers of clients built on {@link io.dcb4j.core.spi.ProviderClient} are wrapped this way when the client's
 * options have an observer; wrap a parser you build on its own yourself. Thread-safe when the wrapped one is.
 */
public final class ObservedNotificationParser implements NotificationParser {

    private final String provider;
    private final NotificationParser delegate;
    private final DcbObserver observer;

    private ObservedNotificationParser(String provider, NotificationParser delegate, DcbObserver observer) {
        this.provider = provider;
        this.delegate = delegate;
        this.observer = observer;
    }

    /**
     * Wraps a parser.
     *
     * @param provider the provider id the events are reported under
     * @param delegate the parser
     * @param observer told about each callback
     * @return the wrapper, or {@code delegate} itself for the no-op observer
     */
    public static NotificationParser of(String provider, NotificationParser delegate, DcbObserver observer) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(observer, "observer");
        return observer == DcbObserver.noop() ? delegate
                : new ObservedNotificationParser(provider, delegate, observer);
    }

    @Override
    public BillingEvent parse(InboundNotification notification) {
        Completion<NotificationEvent> completion = Observers.notificationReceived(observer, provider);
        long start = System.nanoTime();
        BillingEvent event;
        try {
            event = delegate.parse(notification);
        } catch (NotificationRejectedException e) {
            Observers.complete(observer, completion, new NotificationEvent(provider,
                    NotificationEvent.Outcome.REFUSED, Optional.empty(), Optional.of(e.reason()),
                    Optional.of(Observers.errorType(e)), Observers.since(start), Optional.of(e)));
            throw e;
        } catch (RuntimeException e) {
            Observers.complete(observer, completion, new NotificationEvent(provider,
                    NotificationEvent.Outcome.INVALID, Optional.empty(), Optional.empty(),
                    Optional.of(Observers.errorType(e)), Observers.since(start), Observers.dcbException(e)));
            throw e;
        }
        Observers.complete(observer, completion, new NotificationEvent(provider, NotificationEvent.Outcome.ACCEPTED,
                Optional.of(event.type()), Optional.empty(), Optional.empty(), Observers.since(start),
                Optional.empty()));
        return event;
    }

    /** The wrapped parser's description. */
    @Override
    public String toString() {
        return delegate.toString();
    }
}
