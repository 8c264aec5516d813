package io.dcb4j.testkit;

/**
 * Starts one provider's simulator; {@link Simulators} finds every factory with {@link java.util.ServiceLoader}.
 * A provider module maintained anywhere registers its own in {@code
 * META-INF/services/io.dcb4j.testkit.SimulatorFactory} (and with {@code provides} in its {@code module-info}),
 * so that {@link Simulators}, {@link DcbSimulator} and {@link ProviderContract} know its simulator.
 */
public interface SimulatorFactory {

    /**
     * The provider id the simulator stands in for.
     *
     * @return for example {@code eklectic}
     */
    String providerId();

    /**
     * Starts a simulator on a free loopback port.
     *
     * @return the running simulator; the caller closes it
     */
    Simulator start();
}
