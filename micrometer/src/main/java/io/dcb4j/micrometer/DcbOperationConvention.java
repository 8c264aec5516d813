package io.dcb4j.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The convention of the {@code dcb.operation} observation: implement it (or extend {@link DefaultDcbOperationConvention}) and
 * give it to {@link MicrometerObserver.Builder}, or register it as a global convention of the registry, to
 * change the name or the key values.
 */
public interface DcbOperationConvention extends ObservationConvention<DcbOperationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof DcbOperationContext;
    }
}
