package io.dcb4j.core.internal;

import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.RetryEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * The observed operation running on this thread: opened by a neutral call or by a transport call made outside
 * one, so that the requests an operation makes count as its attempts and retries. A token fetch opens a scope
 * of its own that reports nothing as an operation, so that the requests to the token endpoint are not counted
 * as the operation's. Confined to its thread; only opened for an active observer. Internal.
 */
public final class OperationScope {

    private static final ThreadLocal<OperationScope> CURRENT = new ThreadLocal<>();

    private final DcbObserver observer;
    private final String provider;
    private final String operation;
    /** Null for a token fetch. */
    private final Completion<OperationEvent> completion;
    private final OperationScope parent;
    private final long startNanos = System.nanoTime();
    private int attempts;
    private int retries;
    private String requestId;

    private OperationScope(DcbObserver observer, String provider, String operation,
            Completion<OperationEvent> completion, OperationScope parent) {
        this.observer = observer;
        this.provider = provider;
        this.operation = operation;
        this.completion = completion;
        this.parent = parent;
    }

    /**
     * Opens an operation on this thread, unless one of the same observer and provider is open already: the
     * caller then belongs to that one (a neutral call's requests, a token fetch's requests).
     *
     * @return the new scope, to be closed by the caller; null when the open one is joined
     */
    public static OperationScope open(DcbObserver observer, String provider, String operation) {
        OperationScope current = CURRENT.get();
        if (current != null && current.observer == observer && current.provider.equals(provider)) {
            return null;
        }
        OperationScope scope = new OperationScope(observer, provider, operation,
                Observers.operationStarted(observer, provider, operation), current);
        CURRENT.set(scope);
        return scope;
    }

    /** Opens a token fetch: the requests made inside count for no operation. To be closed by the caller. */
    public static OperationScope openTokenFetch(DcbObserver observer, String provider) {
        OperationScope scope = new OperationScope(observer, provider, null, null, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    /** The scope open on this thread, or null. */
    public static OperationScope current() {
        return CURRENT.get();
    }

    /** A request is about to be tried. */
    public void attempt() {
        attempts++;
    }

    /** A failed attempt is repeated. */
    public void retrying(String requestOperation, int attempt, String cause, Duration delay) {
        retries++;
        Observers.retrying(observer, new RetryEvent(provider, requestOperation, attempt, cause, delay));
    }

    /** An answer arrived; its request id, when it has one, is kept. */
    public void answered(String providerRequestId) {
        if (providerRequestId != null) {
            requestId = providerRequestId;
        }
    }

    /**
     * Closes this scope and tells the observer how the operation ended.
     *
     * @param failure what the caller gets, or null on success
     */
    public void close(Throwable failure) {
        // null rather than remove(): the next call on this thread sets it again without a new map entry
        CURRENT.set(parent);
        if (completion == null) {
            return;
        }
        OperationEvent event;
        if (failure == null) {
            event = new OperationEvent(provider, operation, OperationEvent.Outcome.SUCCESS, Optional.empty(), false,
                    attempts, retries, Observers.since(startNanos), Optional.ofNullable(requestId), Optional.empty());
        } else {
            Optional<DcbException> error = Observers.dcbException(failure);
            Optional<String> id = error.flatMap(DcbException::requestId).or(() -> Optional.ofNullable(requestId));
            event = new OperationEvent(provider, operation, OperationEvent.Outcome.FAILURE,
                    Optional.of(Observers.errorType(failure)), error.map(DcbException::isRetryable).orElse(false),
                    attempts, retries, Observers.since(startNanos), id, error);
        }
        Observers.complete(observer, completion, event);
    }
}
