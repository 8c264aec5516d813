package io.dcb4j.spring;

import io.dcb4j.core.BillingProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers the starter built, by id: a bean of its own beside the {@code BillingProvider} beans, for code
 * that picks the provider at run time (by the country of a subscriber, say). It owns the providers: {@link
 * #close()}, which the application context calls at shutdown, closes every one. Thread-safe.
 */
public final class BillingProviderRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BillingProviderRegistry.class);

    private final Map<String, BillingProvider> providers;

    private BillingProviderRegistry(Map<String, BillingProvider> providers) {
        this.providers = Collections.unmodifiableMap(new TreeMap<>(providers));
    }

    /**
     * A registry of providers, which it then owns.
     *
     * @param providers id to provider
     * @return the registry
     */
    public static BillingProviderRegistry of(Map<String, BillingProvider> providers) {
        return new BillingProviderRegistry(new LinkedHashMap<>(providers));
    }

    /**
     * The ids of the providers.
     *
     * @return the ids, sorted
     */
    public Set<String> ids() {
        return providers.keySet();
    }

    /**
     * A provider by id.
     *
     * @param id the provider id, for example {@code eklectic}
     * @return the provider, when it is configured
     */
    public Optional<BillingProvider> find(String id) {
        return Optional.ofNullable(id == null ? null : providers.get(id));
    }

    /**
     * A provider that must be configured.
     *
     * @param id the provider id
     * @return the provider
     * @throws IllegalArgumentException naming the configured ids when {@code id} is not one of them
     */
    public BillingProvider require(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no dcb4j provider '" + id
                + "' is configured (dcb4j.providers.*); configured: " + providers.keySet()));
    }

    /**
     * Every provider, by id.
     *
     * @return id to provider, sorted by id
     */
    public Map<String, BillingProvider> asMap() {
        return providers;
    }

    /** Closes every provider; a failure to close one is logged and the others are still closed. */
    @Override
    public void close() {
        for (Map.Entry<String, BillingProvider> e : providers.entrySet()) {
            try {
                e.getValue().close();
            } catch (RuntimeException ex) {
                LOG.warn("dcb4j provider {} did not close cleanly: {}", e.getKey(), ex.getClass().getName());
            }
        }
    }

    @Override
    public String toString() {
        return "BillingProviderRegistry" + providers.keySet();
    }
}
