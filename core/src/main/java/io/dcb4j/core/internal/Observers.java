package io.dcb4j.core.internal;

import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.NotificationEvent;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.RetryEvent;
import io.dcb4j.core.observe.TokenEvent;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls an observer so that an exception it throws is logged and ignored, never the caller's problem. Internal. */
public final class Observers {

    /** The logger observer failures go to. */
    public static final String LOGGER_NAME = "io.dcb4j.observer";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private Observers() {
    }

    /** Whether there is anything to observe. */
    public static boolean active(DcbObserver observer) {
        return observer != NoopObserver.INSTANCE;
    }

    public static Completion<OperationEvent> operationStarted(DcbObserver observer, String provider,
            String operation) {
        try {
            Completion<OperationEvent> c = observer.operationStarted(provider, operation);
            return c == null ? Completion.ignore() : c;
        } catch (RuntimeException e) {
            failed(observer, e);
            return Completion.ignore();
        }
    }

    public static void tokenCacheHit(DcbObserver observer, TokenEvent event) {
        try {
            observer.tokenCacheHit(event);
        } catch (RuntimeException e) {
            failed(observer, e);
        }
    }

    public static Completion<TokenEvent> tokenFetchStarted(DcbObserver observer, String provider) {
        try {
            Completion<TokenEvent> c = observer.tokenFetchStarted(provider);
            return c == null ? Completion.ignore() : c;
        } catch (RuntimeException e) {
            failed(observer, e);
            return Completion.ignore();
        }
    }

    public static Completion<NotificationEvent> notificationReceived(DcbObserver observer, String provider) {
        try {
            Completion<NotificationEvent> c = observer.notificationReceived(provider);
            return c == null ? Completion.ignore() : c;
        } catch (RuntimeException e) {
            failed(observer, e);
            return Completion.ignore();
        }
    }

    public static void retrying(DcbObserver observer, RetryEvent event) {
        try {
            observer.retrying(event);
        } catch (RuntimeException e) {
            failed(observer, e);
        }
    }

    public static <E> void complete(DcbObserver observer, Completion<E> completion, E event) {
        try {
            completion.completed(event);
        } catch (RuntimeException e) {
            failed(observer, e);
        }
    }

    /** A de-duplicator turned a delivery away. */
    public static void duplicate(DcbObserver observer, BillingEvent event) {
        Completion<NotificationEvent> c = notificationReceived(observer, event.provider());
        complete(observer, c, new NotificationEvent(event.provider(), NotificationEvent.Outcome.DUPLICATE,
                Optional.of(event.type()), Optional.empty(), Optional.empty(), Duration.ZERO, Optional.empty()));
    }

    /** The simple class name of a failure, its full name for anonymous classes. */
    public static String errorType(Throwable failure) {
        String simple = failure.getClass().getSimpleName();
        return simple.isEmpty() ? failure.getClass().getName() : simple;
    }

    /** The failure, when it is one of dcb4j's exceptions (whose messages never hold a secret). */
    public static Optional<DcbException> dcbException(Throwable failure) {
        return failure instanceof DcbException d ? Optional.of(d) : Optional.empty();
    }

    public static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
    }

    private static void failed(DcbObserver observer, RuntimeException e) {
        LOG.warn("the observer {} threw {}; ignored", observer.getClass().getName(), errorType(e), e);
    }
}
