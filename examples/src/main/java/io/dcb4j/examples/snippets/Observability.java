package io.dcb4j.examples.snippets;

import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.core.observe.Completion;
import io.dcb4j.core.observe.DcbObserver;
import io.dcb4j.core.observe.NotificationEvent;
import io.dcb4j.core.observe.ObservedEventDeduplicator;
import io.dcb4j.core.observe.OperationEvent;
import io.dcb4j.core.observe.RetryEvent;
import io.dcb4j.micrometer.DcbOperationContext;
import io.dcb4j.micrometer.DefaultDcbOperationConvention;
import io.dcb4j.micrometer.MicrometerObserver;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of docs/observability.md. */
final class Observability {

    private Observability() {
    }

    static ClientOptions micrometer(ObservationRegistry observationRegistry) {
        // tag::micrometer-observer[]
        ClientOptions options = ClientOptions.builder()
                .observer(MicrometerObserver.create(observationRegistry))
                .build();
        // end::micrometer-observer[]
        return options;
    }

    // tag::logging-observer[]
    /** Logs each failed operation, each retry and each refused callback. */
    static final class BillingLog implements DcbObserver {
        private static final Logger LOG = LoggerFactory.getLogger("billing");

        @Override
        public Completion<OperationEvent> operationStarted(String provider, String operation) {
            return end -> {
                if (end.outcome() == OperationEvent.Outcome.FAILURE) {
                    LOG.warn("{} {} failed: {} (retryable {}, {} attempts, request id {})", provider, operation,
                            end.errorType().orElseThrow(), end.retryable(), end.attempts(),
                            end.requestId().orElse("-"));
                }
            };
        }

        @Override
        public void retrying(RetryEvent event) {
            LOG.info("{} {}: attempt {} failed ({}), retrying in {} ms", event.provider(), event.operation(),
                    event.attempt(), event.cause(), event.delay().toMillis());
        }

        @Override
        public Completion<NotificationEvent> notificationReceived(String provider) {
            return end -> end.refusal().ifPresent(reason -> LOG.warn("{} callback refused: {}", provider, reason));
        }
    }
    // end::logging-observer[]

    static EventDeduplicator duplicates(DcbObserver observer) {
        // tag::observed-deduplicator[]
        EventDeduplicator dedup = ObservedEventDeduplicator.of(
                EventDeduplicator.inMemory(100_000, Duration.ofDays(3)), observer);
        // end::observed-deduplicator[]
        return dedup;
    }

    static MicrometerObserver convention(ObservationRegistry observationRegistry) {
        // tag::operation-convention[]
        MicrometerObserver observer = MicrometerObserver.builder(observationRegistry)
                .operationConvention(new DefaultDcbOperationConvention() {
                    @Override
                    public KeyValues getLowCardinalityKeyValues(DcbOperationContext context) {
                        return super.getLowCardinalityKeyValues(context).and("shop", "eu-1");
                    }
                })
                .build();
        // end::operation-convention[]
        return observer;
    }
}
