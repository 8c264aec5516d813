package io.dcb4j.micrometer;

import static io.dcb4j.micrometer.DcbObservations.ERROR_TYPE;
import static io.dcb4j.micrometer.DcbObservations.NONE;
import static io.dcb4j.micrometer.DcbObservations.OUTCOME;
import static io.dcb4j.micrometer.DcbObservations.PROVIDER;

import io.dcb4j.core.observe.TokenEvent;
import io.micrometer.common.KeyValues;
import java.util.Locale;
import java.util.Optional;

/**
 * The default {@code dcb.token.fetch} convention. Low cardinality: {@code provider} from the start, {@code
 * outcome} ({@code fetched}, {@code shared}, {@code failed}, {@code hit}) and {@code error.type} at the end; no
 * high-cardinality value. The contextual name is {@code <provider> token}. Extend it to add or change key values.
 */
public class DefaultDcbTokenFetchConvention implements DcbTokenFetchConvention {

    /** The instance the observer uses unless given another. */
    public static final DefaultDcbTokenFetchConvention INSTANCE = new DefaultDcbTokenFetchConvention();

    /** Creates the convention; for subclasses, the observer uses {@link #INSTANCE}. */
    public DefaultDcbTokenFetchConvention() {
    }

    @Override
    public String getName() {
        return DcbObservations.TOKEN_FETCH;
    }

    @Override
    public String getContextualName(DcbTokenFetchContext context) {
        return context.provider() + " token";
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(DcbTokenFetchContext context) {
        KeyValues start = KeyValues.of(PROVIDER, context.provider());
        Optional<TokenEvent> end = context.event();
        if (end.isEmpty()) {
            return start;
        }
        return start.and(OUTCOME, end.get().outcome().name().toLowerCase(Locale.ROOT),
                ERROR_TYPE, end.get().errorType().orElse(NONE));
    }
}
