/**
 * Test support: stateful provider simulators on loopback found through {@link io.dcb4j.testkit.SimulatorFactory},
 * the {@code @DcbSimulator} JUnit 5 extension, magic MSISDNs and the neutral {@link
 * io.dcb4j.testkit.ProviderContract} every provider module extends.
 */
package io.dcb4j.testkit;
