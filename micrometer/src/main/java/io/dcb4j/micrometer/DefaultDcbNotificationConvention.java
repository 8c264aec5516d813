package io.dcb4j.micrometer;

import static io.dcb4j.micrometer.DcbObservations.ERROR_TYPE;
import static io.dcb4j.micrometer.DcbObservations.EVENT_TYPE;
import static io.dcb4j.micrometer.DcbObservations.NONE;
import static io.dcb4j.micrometer.DcbObservations.OUTCOME;
import static io.dcb4j.micrometer.DcbObservations.PROVIDER;
import static io.dcb4j.micrometer.DcbObservations.REFUSAL_REASON;

import io.dcb4j.core.observe.NotificationEvent;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Optional;

/**
 * The default {@code dcb.notification} convention. Low cardinality: {@code provider} from the start, {@code
 * outcome} ({@code accepted}, {@code duplicate}, {@code refused}, {@code invalid}), {@code event.type} ({@code
 * subscribed}, {@code renewed}...), {@code refusal.reason} ({@code source_address}, {@code shared_secret}, {@code
 * signature}, {@code ambiguous}, {@code other}) and {@code error.type} at the end, each {@code none} when it does
 * not apply; no high-cardinality value. The contextual name is {@code <provider> notification}. Extend it to add
 * or change key values.
 */
public class DefaultDcbNotificationConvention implements DcbNotificationConvention {

    /** The instance the observer uses unless given another. */
    public static final DefaultDcbNotificationConvention INSTANCE = new DefaultDcbNotificationConvention();

    /** Creates the convention; for subclasses, the observer uses {@link #INSTANCE}. */
    public DefaultDcbNotificationConvention() {
    }

    @Override
    public String getName() {
        return DcbObservations.NOTIFICATION;
    }

    @Override
    public String getContextualName(DcbNotificationContext context) {
        return context.provider() + " notification";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(DcbNotificationContext context) {
        KeyValues start = KeyValues.of(PROVIDER, context.provider());
        Optional<NotificationEvent> end = context.event();
        if (end.isEmpty()) {
            return start;
        }
        NotificationEvent e = end.get();
        return start.and(OUTCOME, lower(e.outcome()),
                EVENT_TYPE, e.eventType().map(DefaultDcbNotificationConvention::lower).orElse(NONE),
                REFUSAL_REASON, e.refusal().map(DefaultDcbNotificationConvention::lower).orElse(NONE),
                ERROR_TYPE, e.errorType().orElse(NONE));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
