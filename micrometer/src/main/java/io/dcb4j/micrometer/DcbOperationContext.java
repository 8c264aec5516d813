package io.dcb4j.micrometer;

import io.dcb4j.core.observe.OperationEvent;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of a {@code dcb.operation} observation: the provider and operation from the start, the {@link
 * OperationEvent} once it ended. Conventions read it; it holds no secret.
 */
public class DcbOperationContext extends Observation.Context {

    private final String provider;
    private final String operation;
    private volatile OperationEvent event;
    /** What the default convention knows of this provider and operation, kept for the observation's end. */
    volatile Object conventionNames;

    /**
     * Creates the context of a starting operation.
     *
     * @param provider the provider id
     * @param operation the operation's name
     */
    public DcbOperationContext(String provider, String operation) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    /**
     * The provider id.
     *
     * @return for example {@code eklectic}
     */
    public String provider() {
        return provider;
    }

    /**
     * The operation's name.
     *
     * @return for example {@code confirmPin}
     */
    public String operation() {
        return operation;
    }

    /**
     * How the operation ended.
     *
     * @return empty until it ended
     */
    public Optional<OperationEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * Records how the operation ended, before the observation stops.
     *
     * @param event the end
     */
    void ended(OperationEvent event) {
        this.event = event;
    }
}
