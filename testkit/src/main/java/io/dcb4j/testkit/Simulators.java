package io.dcb4j.testkit;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Starts simulators by provider id. The simulators are found with {@link java.util.ServiceLoader} as {@link
 * SimulatorFactory} services: testkit's own five, and any a provider module outside this repository ships.
 */
public final class Simulators {

    private Simulators() {
    }

    private static Map<String, SimulatorFactory> factories() {
        Map<String, SimulatorFactory> found = new TreeMap<>();
        for (SimulatorFactory f : java.util.ServiceLoader.load(SimulatorFactory.class,
                Simulators.class.getClassLoader())) {
            SimulatorFactory twin = found.putIfAbsent(f.providerId(), f);
            if (twin != null && twin.getClass() != f.getClass()) {
                throw new IllegalStateException("two simulators for provider '" + f.providerId() + "': "
                        + twin.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return found;
    }

    /**
     * The provider ids that have a simulator: every {@link SimulatorFactory} on the class or module path.
     *
     * @return the ids, sorted
     */
    public static Set<String> ids() {
        return java.util.Collections.unmodifiableSet(factories().keySet());
    }

    /**
     * Starts a simulator on a free loopback port.
     *
     * @param providerId the provider id
     * @return the running simulator; close it when done
     * @throws IllegalArgumentException for an id without a simulator
     */
    public static Simulator start(String providerId) {
        Map<String, SimulatorFactory> all = factories();
        SimulatorFactory f = all.get(providerId);
        if (f == null) {
            throw new IllegalArgumentException("no simulator for provider '" + providerId + "'; known: "
                    + all.keySet());
        }
        return f.start();
    }

    /**
     * The callback writer of a provider.
     *
     * @param providerId the provider id
     * @return the writer, empty when the provider's simulator has none or there is no simulator
     */
    public static java.util.Optional<CallbackWriter> callbacks(String providerId) {
        SimulatorFactory f = factories().get(providerId);
        return f == null ? java.util.Optional.empty() : f.callbacks();
    }

    /**
     * Starts a simulator on a given address and port, to run it as a standalone server.
     *
     * @param providerId the provider id
     * @param address the address and port to bind; port 0 for a free one
     * @return the running simulator; close it when done
     * @throws IllegalArgumentException for an id without a simulator
     * @throws java.io.UncheckedIOException when the address cannot be bound
     */
    public static Simulator start(String providerId, java.net.InetSocketAddress address) {
        java.util.Objects.requireNonNull(address, "address");
        Map<String, SimulatorFactory> all = factories();
        SimulatorFactory f = all.get(providerId);
        if (f == null) {
            throw new IllegalArgumentException("no simulator for provider '" + providerId + "'; known: "
                    + all.keySet());
        }
        return f.start(address);
    }
}
