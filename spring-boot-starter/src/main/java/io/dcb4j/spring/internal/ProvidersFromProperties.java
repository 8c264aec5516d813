package io.dcb4j.spring.internal;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import io.dcb4j.core.token.TokenStore;
import io.dcb4j.spring.ClientOptionsCustomizer;
import io.dcb4j.spring.Dcb4jProperties;
import io.dcb4j.spring.ProviderProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;

/** Builds the configured providers from the bound properties, the shared beans and the customizers. */
public final class ProvidersFromProperties {

    /** The property that switches a provider off, also under {@code dcb4j.providers.other.<id>}. */
    static final String ENABLED = "enabled";

    private ProvidersFromProperties() {
    }

    /**
     * The ids of the providers that are configured and enabled.
     *
     * @param providers the bound properties
     * @return the ids, sorted
     */
    public static Set<String> enabledIds(Dcb4jProperties.Providers providers) {
        Set<String> ids = new TreeSet<>();
        providers.typed().forEach((id, p) -> {
            if (p.enabled()) {
                ids.add(id);
            }
        });
        providers.other().forEach((id, keys) -> {
            if (!"false".equalsIgnoreCase(String.valueOf(keys.get(ENABLED)).strip())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * Builds every enabled provider. When one fails, those built already are closed and the failure is
     * thrown, naming the property block.
     *
     * @param providers the bound properties
     * @param okHttpClient the application's OkHttp client, or null
     * @param tokenStore the application's token store, or null
     * @param customizers applied in order after the properties
     * @return id to provider
     * @throws IllegalStateException naming {@code dcb4j.providers.<id>} and, through its cause, the key
     */
    public static Map<String, BillingProvider> build(Dcb4jProperties.Providers providers, OkHttpClient okHttpClient,
            TokenStore tokenStore, List<ClientOptionsCustomizer> customizers) {
        Map<String, BillingProvider> built = new LinkedHashMap<>();
        String current = null;
        try {
            for (Map.Entry<String, ProviderProperties> e : providers.typed().entrySet()) {
                if (!e.getValue().enabled()) {
                    continue;
                }
                current = "dcb4j.providers." + e.getKey();
                ClientOptions options = options(e.getKey(), e.getValue(), okHttpClient, tokenStore, customizers);
                built.put(e.getKey(), BillingProviders.create(e.getKey(), e.getValue().providerKeys(), options));
            }
            for (Map.Entry<String, Map<String, String>> e : providers.other().entrySet()) {
                String id = e.getKey();
                current = "dcb4j.providers.other." + id;
                if (Dcb4jProperties.TYPED_PROVIDERS.contains(id)) {
                    throw new ConfigurationException(id, "dcb4j.providers.other." + id,
                            "is not read: configure " + id + " under dcb4j.providers." + id);
                }
                Map<String, String> keys = new LinkedHashMap<>(e.getValue());
                String enabled = keys.remove(ENABLED);
                if (enabled != null && enabled.strip().equalsIgnoreCase("false")) {
                    continue;
                }
                Set<String> known = BillingProviders.factory(id).map(BillingProviderFactory::configKeys)
                        .orElse(Set.of());
                ClientOptions options = options(id, null, okHttpClient, tokenStore, customizers);
                built.put(id, BillingProviders.create(id, ProviderKeys.relaxed(keys, known), options));
            }
            return built;
        } catch (RuntimeException e) {
            built.values().forEach(BillingProvider::close);
            throw new IllegalStateException(current + ": " + e.getMessage(), e);
        }
    }

    /**
     * The transport options of one provider: the shared beans, then the typed properties, then the
     * customizers.
     *
     * @param id the provider id
     * @param properties its typed properties, or null for a provider configured by keys only
     * @param okHttpClient the application's OkHttp client, or null
     * @param tokenStore the application's token store, or null
     * @param customizers applied in order
     * @return the options
     */
    static ClientOptions options(String id, ProviderProperties properties, OkHttpClient okHttpClient,
            TokenStore tokenStore, List<ClientOptionsCustomizer> customizers) {
        ClientOptions.Builder b = ClientOptions.builder();
        if (okHttpClient != null) {
            b.okHttpClient(okHttpClient);
        }
        if (tokenStore != null) {
            b.tokenStore(tokenStore);
        }
        if (properties != null) {
            if (properties.connectTimeout() != null) {
                b.connectTimeout(properties.connectTimeout());
            }
            if (properties.readTimeout() != null) {
                b.readTimeout(properties.readTimeout());
            }
            if (properties.callTimeout() != null) {
                b.callTimeout(properties.callTimeout());
            }
            if (properties.maxAttempts() != null) {
                if (properties.maxAttempts() < 1) {
                    throw new ConfigurationException(id, "max-attempts", "must be at least 1");
                }
                b.retryPolicy(RetryPolicy.builder().maxAttempts(properties.maxAttempts()).build());
            }
            if (properties.allowInsecureHttp() != null) {
                b.allowInsecureHttp(properties.allowInsecureHttp());
            }
        }
        for (ClientOptionsCustomizer customizer : customizers) {
            customizer.customize(id, b);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(id, "options", "are invalid: " + e.getMessage());
        }
    }
}
