package io.dcb4j.spring.test;

import io.dcb4j.core.notification.BillingEvent;
import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.spring.Dcb4jProperties;
import io.dcb4j.testkit.Simulator;
import io.dcb4j.testkit.Simulators;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Simulators started together, with the {@code dcb4j.providers.*} properties that point the starter at them.
 * {@link DcbSimulators} registers one as a bean; an application can also start them itself (a demo run with no
 * provider account). Close it to stop them.
 */
public final class RunningSimulators implements AutoCloseable {

    private final Map<String, Simulator> simulators;
    private volatile EventDeduplicator claims = newClaims();

    private RunningSimulators(Map<String, Simulator> simulators) {
        this.simulators = simulators;
    }

    private static EventDeduplicator newClaims() {
        return EventDeduplicator.inMemory(10_000, Duration.ofHours(1));
    }

    /**
     * Starts the simulators of the given providers on free loopback ports.
     *
     * @param ids the provider ids, each with a simulator in {@code dcb4j-testkit} (or registered as a
     *     {@code SimulatorFactory})
     * @return the running simulators
     * @throws IllegalArgumentException for an id without a simulator (those already started are stopped)
     */
    public static RunningSimulators start(Collection<String> ids) {
        Map<String, Simulator> started = new TreeMap<>();
        try {
            for (String id : ids) {
                if (!started.containsKey(id)) {
                    started.put(id, Simulators.start(id));
                }
            }
        } catch (RuntimeException e) {
            started.values().forEach(Simulator::close);
            throw e;
        }
        return new RunningSimulators(started);
    }

    /**
     * The properties that point the starter at one simulator: each key of its {@code clientConfig()} under
     * {@code dcb4j.providers.<id>} (or {@code dcb4j.providers.other.<id>} for a provider without a typed block).
     *
     * @param simulator the simulator
     * @return property name to value
     */
    public static Map<String, String> properties(Simulator simulator) {
        String id = simulator.providerId();
        String prefix = Dcb4jProperties.TYPED_PROVIDERS.contains(id) ? "dcb4j.providers." + id + "."
                : "dcb4j.providers.other." + id + ".";
        Map<String, String> properties = new LinkedHashMap<>();
        simulator.clientConfig().forEach((key, value) -> properties.put(prefix + key, value));
        return properties;
    }

    /**
     * The properties of every simulator.
     *
     * @return property name to value
     */
    public Map<String, String> properties() {
        Map<String, String> all = new LinkedHashMap<>();
        simulators.values().forEach(s -> all.putAll(properties(s)));
        return all;
    }

    /**
     * The provider ids.
     *
     * @return the ids, sorted
     */
    public Set<String> ids() {
        return simulators.keySet();
    }

    /**
     * A simulator by provider id.
     *
     * @param id the provider id
     * @return the simulator
     * @throws IllegalArgumentException when it was not started
     */
    public Simulator get(String id) {
        Simulator s = simulators.get(id);
        if (s == null) {
            throw new IllegalArgumentException("no simulator for '" + id + "' was started; started: " + ids());
        }
        return s;
    }

    /**
     * A simulator by provider id, as its concrete class.
     *
     * @param id the provider id
     * @param type the simulator class, for example {@code EklecticSimulator.class}
     * @param <T> the simulator class
     * @return the simulator
     * @throws IllegalArgumentException when it was not started or is not of that class
     */
    public <T extends Simulator> T get(String id, Class<T> type) {
        Simulator s = get(id);
        if (!type.isInstance(s)) {
            throw new IllegalArgumentException("the " + id + " simulator is a " + s.getClass().getSimpleName());
        }
        return type.cast(s);
    }

    /**
     * Delivers every simulator's callbacks to {@code <baseUrl>/<id>}, the starter's callback endpoint when
     * {@code baseUrl} is {@code http://127.0.0.1:<port>/dcb4j/notifications}.
     *
     * @param baseUrl the URL the provider id is appended to, or null to stop delivering
     */
    public void deliverNotificationsTo(String baseUrl) {
        simulators.forEach((id, s) -> s.deliverNotificationsTo(baseUrl == null ? null : baseUrl + "/" + id));
    }

    /**
     * An in-memory de-duplication of callbacks that {@link #resetAll()} empties: a simulator reset starts its
     * ids again, so that the events of the next test would otherwise look like repeats. {@link DcbSimulators}
     * gives it to the callback endpoint unless the application declares its own {@code EventDeduplicator}.
     *
     * @return the de-duplication
     */
    public EventDeduplicator deduplicator() {
        return new EventDeduplicator() {
            @Override
            public boolean claim(BillingEvent event) {
                return claims.claim(event);
            }

            @Override
            public void release(BillingEvent event) {
                claims.release(event);
            }
        };
    }

    /**
     * Resets every simulator (subscriptions, charges, tokens, recorded requests and callbacks) and empties
     * {@link #deduplicator()}.
     */
    public void resetAll() {
        simulators.values().forEach(Simulator::reset);
        claims = newClaims();
    }

    /** Stops every simulator. */
    @Override
    public void close() {
        simulators.values().forEach(Simulator::close);
    }

    @Override
    public String toString() {
        return "RunningSimulators" + ids();
    }
}
