package io.dcb4j.micrometer;

import io.dcb4j.core.observe.NotificationEvent;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of a {@code dcb.notification} observation: the provider from the start, the {@link
 * NotificationEvent} once the callback was handled. Never holds the callback's parameters.
 */
public class DcbNotificationContext extends Observation.Context {

    private final String provider;
    private volatile NotificationEvent event;

    /**
     * Creates the context of a callback being handled.
     *
     * @param provider the provider id
     */
    public DcbNotificationContext(String provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
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
     * How the callback ended.
     *
     * @return empty until it ended
     */
    public Optional<NotificationEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * Records how the callback ended, before the observation stops.
     *
     * @param event the end
     */
    void ended(NotificationEvent event) {
        this.event = event;
    }
}
