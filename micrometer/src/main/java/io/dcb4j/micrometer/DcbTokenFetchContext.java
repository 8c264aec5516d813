package io.dcb4j.micrometer;

import io.dcb4j.core.observe.TokenEvent;
import io.micrometer.observation.Observation;
import java.util.Objects;
import java.util.Optional;

/**
 * The context of a {@code dcb.token.fetch} observation: the provider from the start, the {@link TokenEvent} once
 * the request for a token ended. Never holds the token.
 */
public class DcbTokenFetchContext extends Observation.Context {

    private final String provider;
    private volatile TokenEvent event;

    /**
     * Creates the context of a starting request for a token.
     *
     * @param provider the provider id
     */
    public DcbTokenFetchContext(String provider) {
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
     * How the request for a token ended.
     *
     * @return empty until it ended
     */
    public Optional<TokenEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * Records how the request ended, before the observation stops.
     *
     * @param event the end
     */
    void ended(TokenEvent event) {
        this.event = event;
    }
}
