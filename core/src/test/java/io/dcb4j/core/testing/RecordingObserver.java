package io.dcb4j.core.testing;

import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.NotificationEvent;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.RetryEvent;
import io.dcb4j.core.observe.TokenEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An observer that keeps everything it is told, for tests of what clients report: the operations started and
 * ended, the retries, token requests and callbacks. Thread-safe. Shared through the core test-jar.
 */
public final class RecordingObserver implements DcbObserver {

    /** {@code provider/operation} of each operation started, in order. */
    public final List<String> started = new CopyOnWriteArrayList<>();
    /** Each operation that ended. */
    public final List<OperationEvent> operations = new CopyOnWriteArrayList<>();
    /** Each retry. */
    public final List<RetryEvent> retries = new CopyOnWriteArrayList<>();
    /** Each request for a token that ended: the hits and the misses, in order. */
    public final List<TokenEvent> tokens = new CopyOnWriteArrayList<>();
    /** Each callback that ended. */
    public final List<NotificationEvent> notifications = new CopyOnWriteArrayList<>();

    @Override
    public Completion<OperationEvent> operationStarted(String provider, String operation) {
        started.add(provider + "/" + operation);
        return operations::add;
    }

    @Override
    public void retrying(RetryEvent event) {
        retries.add(event);
    }

    @Override
    public void tokenCacheHit(TokenEvent event) {
        tokens.add(event);
    }

    @Override
    public Completion<TokenEvent> tokenFetchStarted(String provider) {
        return tokens::add;
    }

    @Override
    public Completion<NotificationEvent> notificationReceived(String provider) {
        return notifications::add;
    }

    /**
     * Every event as text (each record's {@code toString()}, the messages of the exceptions they hold included),
     * for asserting that no secret reached the observer.
     *
     * @return one line per event
     */
    public String everything() {
        List<Object> all = new ArrayList<>();
        all.addAll(started);
        all.addAll(operations);
        all.addAll(retries);
        all.addAll(tokens);
        all.addAll(notifications);
        StringBuilder sb = new StringBuilder();
        for (Object o : all) {
            sb.append(o).append('\n');
        }
        operations.forEach(e -> e.error().ifPresent(x -> sb.append(x.getMessage()).append('\n')));
        tokens.forEach(e -> e.error().ifPresent(x -> sb.append(x.getMessage()).append('\n')));
        notifications.forEach(e -> e.error().ifPresent(x -> sb.append(x.getMessage()).append('\n')));
        return sb.toString();
    }
}
