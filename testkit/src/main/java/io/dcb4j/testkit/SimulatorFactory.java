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

    /**
     * Starts a simulator on a given address and port, to run it as a standalone server ({@code dcb simulate}).
     * A simulator that does not override this only takes a free loopback port.
     *
     * @param address the address and port to bind; port 0 for a free one
     * @return the running simulator; the caller closes it
     * @throws UnsupportedOperationException when this simulator cannot bind the address
     * @throws java.io.UncheckedIOException when the address cannot be bound (the port is taken, for example)
     */
    default Simulator start(java.net.InetSocketAddress address) {
        return startOnLoopbackOnly(address);
    }

    /**
     * Writes this provider's callbacks as the provider sends them, for {@code dcb trigger}.
     *
     * @return the writer, empty when this simulator has none
     */
    default java.util.Optional<CallbackWriter> callbacks() {
        return java.util.Optional.empty();
    }

    private Simulator startOnLoopbackOnly(java.net.InetSocketAddress address) {
        if (address.getPort() == 0 && address.getAddress() != null && address.getAddress().isLoopbackAddress()) {
            return start();
        }
        throw new UnsupportedOperationException("the " + providerId() + " simulator only takes a free loopback port");
    }
}
