package io.dcb4j.micrometer;

import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.NotificationEvent;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.RetryEvent;
import io.dcb4j.core.observe.TokenEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Objects;

/**
 * A {@link DcbObserver} on Micrometer's Observation API: each operation, token fetch and callback is an
 * observation ({@code dcb.operation}, {@code dcb.token.fetch}, {@code dcb.notification}, see {@link
 * DcbObservations}) started and stopped on the calling thread, with its scope open meanwhile, so that a token
 * fetch is a child of the operation that needed it and a callback a child of the web request that carried it. A
 * token found in the cache is no observation unless {@link Builder#observeTokenCacheHits(boolean)} asks for it. A
 * retry is an event ({@value DcbObservations#RETRY_EVENT}) of the observation it belongs to; the {@link
 * io.dcb4j.core.error.DcbException} that ended an operation, token fetch or callback is its error. The registry's
 * handlers decide what is recorded: Micrometer's meter handler makes timers and counters, a tracing handler spans,
 * OpenTelemetry's bridge exports both. Immutable and thread-safe.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .observer(MicrometerObserver.create(observationRegistry))
 *         .build();
 * }</pre>
 */
public final class MicrometerObserver implements DcbObserver {

    private final ObservationRegistry registry;
    private final DcbOperationConvention operationConvention;
    private final DcbTokenFetchConvention tokenFetchConvention;
    private final DcbNotificationConvention notificationConvention;
    private final boolean observeTokenCacheHits;

    private MicrometerObserver(Builder b) {
        this.registry = b.registry;
        this.operationConvention = b.operationConvention;
        this.tokenFetchConvention = b.tokenFetchConvention;
        this.notificationConvention = b.notificationConvention;
        this.observeTokenCacheHits = b.observeTokenCacheHits;
    }

    /**
     * An observer with the default conventions (or the registry's global ones).
     *
     * @param registry where the observations go
     * @return the observer
     */
    public static MicrometerObserver create(ObservationRegistry registry) {
        return builder(registry).build();
    }

    /**
     * Starts a builder, to replace conventions.
     *
     * @param registry where the observations go
     * @return the builder
     */
    public static Builder builder(ObservationRegistry registry) {
        return new Builder(registry);
    }

    @Override
    public Completion<OperationEvent> operationStarted(String provider, String operation) {
        if (registry.isNoop()) {
            return Completion.ignore();
        }
        DcbOperationContext context = new DcbOperationContext(provider, operation);
        Observation observation = Observation.createNotStarted(operationConvention,
                DefaultDcbOperationConvention.INSTANCE, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        return event -> {
            context.ended(event);
            if (event.error().isPresent()) {
                observation.error(event.error().get());
            }
            scope.close();
            observation.stop();
        };
    }

    @Override
    public void retrying(RetryEvent event) {
        Observation current = registry.getCurrentObservation();
        if (current != null && (current.getContext() instanceof DcbOperationContext
                || current.getContext() instanceof DcbTokenFetchContext)) {
            current.event(Observation.Event.of(DcbObservations.RETRY_EVENT,
                    "retry after " + event.cause() + " (attempt " + event.attempt() + ")"));
        }
    }

    /** Observed only when {@link Builder#observeTokenCacheHits(boolean)} says so: a started and stopped observation. */
    @Override
    public void tokenCacheHit(TokenEvent event) {
        if (observeTokenCacheHits) {
            tokenFetchStarted(event.provider()).completed(event);
        }
    }

    @Override
    public Completion<TokenEvent> tokenFetchStarted(String provider) {
        if (registry.isNoop()) {
            return Completion.ignore();
        }
        DcbTokenFetchContext context = new DcbTokenFetchContext(provider);
        Observation observation = Observation.createNotStarted(tokenFetchConvention,
                DefaultDcbTokenFetchConvention.INSTANCE, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        return event -> {
            context.ended(event);
            if (event.error().isPresent()) {
                observation.error(event.error().get());
            }
            scope.close();
            observation.stop();
        };
    }

    @Override
    public Completion<NotificationEvent> notificationReceived(String provider) {
        if (registry.isNoop()) {
            return Completion.ignore();
        }
        DcbNotificationContext context = new DcbNotificationContext(provider);
        Observation observation = Observation.createNotStarted(notificationConvention,
                DefaultDcbNotificationConvention.INSTANCE, () -> context, registry).start();
        Observation.Scope scope = observation.openScope();
        return event -> {
            context.ended(event);
            if (event.error().isPresent()) {
                observation.error(event.error().get());
            }
            scope.close();
            observation.stop();
        };
    }

    /** The registry; no secrets. */
    @Override
    public String toString() {
        return "MicrometerObserver[" + registry.getClass().getSimpleName() + "]";
    }

    /** Builds a {@link MicrometerObserver}. */
    public static final class Builder {
        private final ObservationRegistry registry;
        private DcbOperationConvention operationConvention;
        private DcbTokenFetchConvention tokenFetchConvention;
        private DcbNotificationConvention notificationConvention;
        private boolean observeTokenCacheHits;

        private Builder(ObservationRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
        }

        /**
         * Replaces the {@code dcb.operation} convention; by default the registry's global one that supports
         * {@link DcbOperationContext}, else {@link DefaultDcbOperationConvention}.
         *
         * @param convention the convention, or null for the default
         * @return this builder
         */
        public Builder operationConvention(DcbOperationConvention convention) {
            this.operationConvention = convention;
            return this;
        }

        /**
         * Replaces the {@code dcb.token.fetch} convention; by default the registry's global one that supports
         * {@link DcbTokenFetchContext}, else {@link DefaultDcbTokenFetchConvention}.
         *
         * @param convention the convention, or null for the default
         * @return this builder
         */
        public Builder tokenFetchConvention(DcbTokenFetchConvention convention) {
            this.tokenFetchConvention = convention;
            return this;
        }

        /**
         * Replaces the {@code dcb.notification} convention; by default the registry's global one that supports
         * {@link DcbNotificationContext}, else {@link DefaultDcbNotificationConvention}.
         *
         * @param convention the convention, or null for the default
         * @return this builder
         */
        public Builder notificationConvention(DcbNotificationConvention convention) {
            this.notificationConvention = convention;
            return this;
        }

        /**
         * Whether a token found in the cache is a {@code dcb.token.fetch} observation too (outcome {@code hit}),
         * for a cache hit ratio. Off by default: a hit happens on every authenticated request, and an observation
         * costs about as much CPU as the rest of the observing of a call; the fetches (what reaches the token
         * endpoint) are observed either way.
         *
         * @param observe true to observe hits
         * @return this builder
         */
        public Builder observeTokenCacheHits(boolean observe) {
            this.observeTokenCacheHits = observe;
            return this;
        }

        /**
         * Builds the observer.
         *
         * @return the observer
         */
        public MicrometerObserver build() {
            return new MicrometerObserver(this);
        }
    }
}
