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
     * Creates a provider client from configuration keys over base options that keys cannot express: a token
     * store that several instances share, a charge journal, a clock, an observer, the caller's OkHttp client.
     * The keys override the base's transport values, as the builders' shortcuts override {@code options(...)}:
     * {@code read-timeout=5s} wins over the base's read timeout, and {@code max-attempts} replaces its retry
     * policy with the default one of that many attempts. The provider is still chosen by its id at deployment
     * time (the Spring Boot starter creates its beans this way). When the base carries a
     * {@link ClientOptions#chargeJournal() charge journal}, the client's neutral money-moving writes are
     * recorded in it, whatever the provider (see {@link io.dcb4j.core.journal.Journaling}).
     *
     * @param id the provider id
     * @param config the configuration keys
     * @param base the base options
     * @return a new client; close it when done
     * @throws ConfigurationException when the id is unknown or the configuration is invalid
     */
    public static BillingProvider create(String id, Map<String, String> config, ClientOptions base) {
        java.util.Objects.requireNonNull(base, "base");
        if (id == null || id.isBlank()) {
            throw new ConfigurationException("core", "provider", "is required");
        }
        BillingProviderFactory factory = factory(id).orElseThrow(() -> new ConfigurationException("core", "provider",
                "names unknown provider '" + id + "'; available: " + available()));
        ProviderConfig providerConfig = ProviderConfig.of(id, config, base);
        providerConfig.rejectUnknownKeys(factory.configKeys());
        BillingProvider created = factory.create(providerConfig);
        return base.chargeJournal().map(journal -> io.dcb4j.core.journal.Journaling.wrap(created, journal,
                base.clock(), io.dcb4j.core.spi.JournalReferences.NONE)).orElse(created);
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
