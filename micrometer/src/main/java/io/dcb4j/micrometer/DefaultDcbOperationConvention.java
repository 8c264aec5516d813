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
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The default {@code dcb.operation} convention. Low cardinality: {@code provider} and {@code operation} from the
 * start, {@code outcome} ({@code success}, {@code failure}) and {@code error.type} ({@code none} or the exception's
 * simple class name, such as {@code InvalidPinException}) at the end. High cardinality, at the end: {@code
 * attempts}, {@code retries} when there were any, {@code retryable} for a failure, and {@code request.id} when
 * the provider sent one. The contextual name (a span's name) is {@code <provider> <operation>}. Extend it to add
 * or change key values. It keeps the values of each provider and operation it has seen, so that an operation
 * costs no key value building beyond the end's.
 */
public class DefaultDcbOperationConvention implements DcbOperationConvention {

    /** The instance the observer uses unless given another. */
    public static final DefaultDcbOperationConvention INSTANCE = new DefaultDcbOperationConvention();

    /** More pairs of provider and operation than dcb4j has: past this, values are built each time. */
    private static final int MAX_CACHED = 1024;
    private static final KeyValue[] SMALL_ATTEMPTS = small(ATTEMPTS);
    private static final KeyValue[] SMALL_RETRIES = small(RETRIES);
    private static final KeyValue RETRYABLE_TRUE = KeyValue.of(RETRYABLE, "true");
    private static final KeyValue RETRYABLE_FALSE = KeyValue.of(RETRYABLE, "false");
    private static final KeyValues ONE_ATTEMPT = KeyValues.of(SMALL_ATTEMPTS[1]);

    /** What a provider and operation always give. */
    private record Names(DefaultDcbOperationConvention owner, KeyValues start, KeyValues success,
            String contextualName) {
    }

    private final ConcurrentMap<String, ConcurrentMap<String, Names>> names = new ConcurrentHashMap<>();

    /** Creates the convention; for subclasses, the observer uses {@link #INSTANCE}. */
    public DefaultDcbOperationConvention() {
    }

    private static KeyValue[] small(String key) {
        KeyValue[] values = new KeyValue[11];
        for (int i = 0; i < values.length; i++) {
            values[i] = KeyValue.of(key, Integer.toString(i));
        }
        return values;
    }

    private static KeyValue count(KeyValue[] small, String key, int n) {
        return n >= 0 && n < small.length ? small[n] : KeyValue.of(key, Integer.toString(n));
    }

    private Names names(DcbOperationContext context) {
        // asked several times per observation (start, end, name): the context keeps what this convention found
        if (context.conventionNames instanceof Names kept && kept.owner() == this) {
            return kept;
        }
        ConcurrentMap<String, Names> byOperation = names.get(context.provider());
        Names known = byOperation == null ? null : byOperation.get(context.operation());
        if (known != null) {
            context.conventionNames = known;
            return known;
        }
        KeyValues start = KeyValues.of(PROVIDER, context.provider(), OPERATION_NAME, context.operation());
        Names made = new Names(this, start, start.and(OUTCOME, "success", ERROR_TYPE, NONE),
                context.provider() + " " + context.operation());
        if (names.size() < MAX_CACHED && (byOperation == null || byOperation.size() < MAX_CACHED)) {
            names.computeIfAbsent(context.provider(), p -> new ConcurrentHashMap<>())
                    .putIfAbsent(context.operation(), made);
        }
        return made;
    }

    @Override
    public String getName() {
        return DcbObservations.OPERATION;
    }

    @Override
    public String getContextualName(DcbOperationContext context) {
        return names(context).contextualName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(DcbOperationContext context) {
        Names n = names(context);
        Optional<OperationEvent> end = context.event();
        if (end.isEmpty()) {
            return n.start();
        }
        OperationEvent e = end.get();
        if (e.outcome() == OperationEvent.Outcome.SUCCESS && e.errorType().isEmpty()) {
            return n.success();
        }
        return n.start().and(OUTCOME, e.outcome().name().toLowerCase(Locale.ROOT), ERROR_TYPE,
                e.errorType().orElse(NONE));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(DcbOperationContext context) {
        Optional<OperationEvent> end = context.event();
        if (end.isEmpty()) {
            return KeyValues.empty();
        }
        OperationEvent e = end.get();
        KeyValue attempts = count(SMALL_ATTEMPTS, ATTEMPTS, e.attempts());
        if (e.retries() == 0 && e.outcome() == OperationEvent.Outcome.SUCCESS) {
            // the common end, built without a list: one attempt, no retry, success, with or without a request id
            return e.requestId().isEmpty() ? (e.attempts() == 1 ? ONE_ATTEMPT : KeyValues.of(attempts))
                    : KeyValues.of(attempts, KeyValue.of(REQUEST_ID, e.requestId().get()));
        }
        List<KeyValue> values = new ArrayList<>(4);
        values.add(attempts);
        if (e.retries() > 0) {
            values.add(count(SMALL_RETRIES, RETRIES, e.retries()));
        }
        if (e.outcome() == OperationEvent.Outcome.FAILURE) {
            values.add(e.retryable() ? RETRYABLE_TRUE : RETRYABLE_FALSE);
        }
        e.requestId().ifPresent(id -> values.add(KeyValue.of(REQUEST_ID, id)));
        return KeyValues.of(values);
    }
}
