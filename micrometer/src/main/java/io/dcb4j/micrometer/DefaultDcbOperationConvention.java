package io.dcb4j.micrometer;

import static io.dcb4j.micrometer.DcbObservations.ATTEMPTS;
import static io.dcb4j.micrometer.DcbObservations.ERROR_TYPE;
import static io.dcb4j.micrometer.DcbObservations.NONE;
import static io.dcb4j.micrometer.DcbObservations.OPERATION_NAME;
import static io.dcb4j.micrometer.DcbObservations.OUTCOME;
import static io.dcb4j.micrometer.DcbObservations.PROVIDER;
import static io.dcb4j.micrometer.DcbObservations.REQUEST_ID;
import static io.dcb4j.micrometer.DcbObservations.RETRIES;
import static io.dcb4j.micrometer.DcbObservations.RETRYABLE;

import io.dcb4j.core.observe.OperationEvent;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Optional;

/**
 * The default {@code dcb.operation} convention. Low cardinality: {@code provider} and {@code operation} from the
 * start, {@code outcome} ({@code success}, {@code failure}) and {@code error.type} ({@code none} or the exception's
 * simple class name, such as {@code InvalidPinException}) at the end. High cardinality, at the end: {@code
 * attempts}, {@code retries}, {@code retryable}, and {@code request.id} when the provider sent one. The contextual
 * name (a span's name) is {@code <provider> <operation>}. Extend it to add or change key values.
 */
public class DefaultDcbOperationConvention implements DcbOperationConvention {

    /** The instance the observer uses unless given another. */
    public static final DefaultDcbOperationConvention INSTANCE = new DefaultDcbOperationConvention();

    /** Creates the convention; for subclasses, the observer uses {@link #INSTANCE}. */
    public DefaultDcbOperationConvention() {
    }

    @Override
    public String getName() {
        return DcbObservations.OPERATION;
    }

    @Override
    public String getContextualName(DcbOperationContext context) {
        return context.provider() + " " + context.operation();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(DcbOperationContext context) {
        KeyValues start = KeyValues.of(PROVIDER, context.provider(), OPERATION_NAME, context.operation());
        Optional<OperationEvent> end = context.event();
        if (end.isEmpty()) {
            return start;
        }
        return start.and(OUTCOME, end.get().outcome().name().toLowerCase(Locale.ROOT),
                ERROR_TYPE, end.get().errorType().orElse(NONE));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(DcbOperationContext context) {
        Optional<OperationEvent> end = context.event();
        if (end.isEmpty()) {
            return KeyValues.empty();
        }
        OperationEvent e = end.get();
        KeyValues values = KeyValues.of(ATTEMPTS, Integer.toString(e.attempts()), RETRIES, Integer.toString(e.retries()),
                RETRYABLE, Boolean.toString(e.retryable()));
        return e.requestId().map(id -> values.and(REQUEST_ID, id)).orElse(values);
    }
}
