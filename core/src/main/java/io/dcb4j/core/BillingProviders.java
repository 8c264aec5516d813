package io.dcb4j.core;

import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds provider modules on the class path and builds clients from configuration, so that the provider
 * can be chosen at deployment time:
 *
 * <pre>{@code
 * try (BillingProvider provider = BillingProviders.create("eklectic", Map.of(
 *         "client-id", clientId,
 *         "client-secret", clientSecret))) {
 *     ...
 * }
 * }</pre>
 */
public final class BillingProviders {

    private BillingProviders() {
    }

    /**
     * The ids of the provider modules on the class path.
     *
     * @return the ids, sorted
     */
    public static Set<String> available() {
        return new TreeSet<>(factories().keySet());
    }

    /**
     * The factory for a provider.
     *
     * @param id the provider id
     * @return the factory, when its module is on the class path
     */
    public static Optional<BillingProviderFactory> factory(String id) {
        return Optional.ofNullable(factories().get(id));
    }

    /**
     * Builds a client for a provider.
     *
     * @param id the provider id, for example {@code centili}
     * @param config the configuration keys (see each provider's documentation)
     * @return the client; close it when done
     * @throws ConfigurationException when the provider is unknown, or a key is missing, malformed or not one
     *     of the provider's keys
     */
    public static BillingProvider create(String id, Map<String, String> config) {
        return create(id, config, ClientOptions.defaults());
    }

    /**
     * Builds a client for a provider on transport options that keys cannot express: your own {@code
     * OkHttpClient}, a shared {@link io.dcb4j.core.token.TokenStore}, a clock, finer retry settings. The
     * options are the base and the common keys override them, as the builders' shortcuts override {@code
     * options(...)}: {@code read-timeout=5s} in {@code config} wins over the options' read timeout, and {@code
     * max-attempts} replaces their retry policy with the default one of that many attempts. The provider is
     * still chosen by its id at deployment time:
     *
     * <pre>{@code
     * ClientOptions options = ClientOptions.builder().okHttpClient(sharedOkHttp).tokenStore(sharedTokens).build();
     * try (BillingProvider provider = BillingProviders.create(id, config, options)) {
     *     ...
     * }
     * }</pre>
     *
     * @param id the provider id, for example {@code centili}
     * @param config the configuration keys (see each provider's documentation)
     * @param options the transport options the keys start from ({@link ClientOptions#defaults()} for none)
     * @return the client; close it when done (an OkHttp client given in the options stays open)
     * @throws ConfigurationException when the provider is unknown, or a key is missing, malformed or not one
     *     of the provider's keys
     */
    public static BillingProvider create(String id, Map<String, String> config, ClientOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("core", "provider", "is required");
        }
        BillingProviderFactory factory = factory(id).orElseThrow(() -> new ConfigurationException("core", "provider",
                "names unknown provider '" + id + "'; available: " + available()));
        ProviderConfig providerConfig = ProviderConfig.of(id, config, options);
        providerConfig.rejectUnknownKeys(factory.configKeys());
        return factory.create(providerConfig);
    }

    /**
     * Builds a client from environment variables {@code DCB_<PROVIDER>_<KEY>} (see {@link
     * ProviderConfig#fromEnvironment}), for example {@code DCB_EKLECTIC_CLIENT_ID} and
     * {@code DCB_EKLECTIC_CLIENT_SECRET}.
     *
     * @param id the provider id
     * @return the client; close it when done
     * @throws ConfigurationException when the provider is unknown or a variable is missing or malformed
     */
    public static BillingProvider createFromEnvironment(String id) {
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("core", "provider", "is required");
        }
        return create(id, ProviderConfig.fromEnvironment(id, System.getenv()));
    }

    private static Map<String, BillingProviderFactory> factories() {
        Map<String, BillingProviderFactory> map = new TreeMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<BillingProviderFactory> sl = ServiceLoader.load(BillingProviderFactory.class,
                loader == null ? BillingProviders.class.getClassLoader() : loader);
        for (BillingProviderFactory f : sl) {
            map.putIfAbsent(f.id(), f);
        }
        return map;
    }
}
