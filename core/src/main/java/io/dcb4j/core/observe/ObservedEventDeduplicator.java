package io.dcb4j.core.observe;

import io.dcb4j.core.internal.Observers;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import java.util.Objects;

/**
 * A de-duplicator that tells an observer about each duplicate delivery it turns away ({@link
 * NotificationEvent.Outcome#DUPLICATE}), and otherwise does what the wrapped one does. Thread-safe when the wrapped
 * one is.
 */
public final class ObservedEventDeduplicator implements EventDeduplicator {

    private final EventDeduplicator delegate;
    private final DcbObserver observer;

    private ObservedEventDeduplicator(EventDeduplicator delegate, DcbObserver observer) {
        this.delegate = delegate;
        this.observer = observer;
    }

    /**
     * Wraps a de-duplicator.
     *
     * @param delegate what decides
     * @param observer told about duplicates
     * @return the wrapper, or {@code delegate} itself for the no-op observer
     */
    public static EventDeduplicator of(EventDeduplicator delegate, DcbObserver observer) {
        Objects.requireNonNull(delegate, "delegate");
        Objects.requireNonNull(observer, "observer");
        return observer == DcbObserver.noop() ? delegate : new ObservedEventDeduplicator(delegate, observer);
    }

    @Override
    public boolean claim(BillingEvent event) {
        boolean first = delegate.claim(event);
        if (!first) {
            Observers.duplicate(observer, event);
        }
        return first;
    }

    @Override
    public void release(BillingEvent event) {
        delegate.release(event);
    }

    @Override
    public java.util.Optional<io.dcb4j.core.notification.EventClaim> claim(BillingEvent event,
            java.time.Duration lease) {
        java.util.Optional<io.dcb4j.core.notification.EventClaim> claim = delegate.claim(event, lease);
        if (claim.isEmpty()) {
            Observers.duplicate(observer, event);
        }
        return claim;
    }

    @Override
    public int prune() {
        return delegate.prune();
    }
}
