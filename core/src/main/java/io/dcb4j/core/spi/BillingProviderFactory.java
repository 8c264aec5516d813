package io.dcb4j.core.spi;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import java.util.Set;

/**
 * Creates a provider client from configuration. Each provider module registers one in {@code
 * META-INF/services/io.dcb4j.core.spi.BillingProviderFactory}; {@link io.dcb4j.core.BillingProviders}
 * finds it with {@link java.util.ServiceLoader}.
 */
public interface BillingProviderFactory {

    /**
     * The provider id.
     *
     * @return for example {@code eklectic}
     */
    String id();

    /**
     * The configuration keys this provider reads, the common ones included.
     *
     * @return the keys
     */
    Set<String> configKeys();

    /**
     * Builds a client.
     *
     * @param config the configuration
     * @return the client
     * @throws io.dcb4j.core.error.ConfigurationException when a key is missing or malformed
     */
    BillingProvider create(ProviderConfig config);
}
