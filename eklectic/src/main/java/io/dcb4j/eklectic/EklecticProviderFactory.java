package io.dcb4j.eklectic;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashSet;
import java.util.Set;

/**
 * Builds {@link EklecticClient}s for {@code BillingProviders.create("eklectic", config)}. Keys:
 * <ul>
 *   <li>{@code client-id} (required): the client id Eklectic issued</li>
 *   <li>{@code client-secret} (required): the client secret</li>
 *   <li>{@code base-url}: default {@value EklecticClient#DEFAULT_BASE_URL}</li>
 *   <li>{@code zone}: zone of Eklectic's zone-less dates, default {@code Africa/Tunis}</li>
 *   <li>{@code currency}: ISO 4217 code of callback amounts, default {@code TND}</li>
 *   <li>{@code notification-secret}: when set, callbacks must carry it in the query parameter below</li>
 *   <li>{@code notification-secret-parameter}: that query parameter, default {@code secret} (requires
 *       {@code notification-secret})</li>
 *   <li>{@code notification-allowed-sources}: comma-separated addresses or CIDR blocks callbacks may come
 *       from, default any</li>
 *   <li>the common keys {@code connect-timeout}, {@code read-timeout}, {@code call-timeout},
 *       {@code max-attempts}, {@code allow-insecure-http} (see {@link ProviderConfig})</li>
 * </ul>
 * A notification key that is present but blank (as an empty environment variable gives) is a
 * {@link ConfigurationException}: leave the key out to go without that check.
 */
public final class EklecticProviderFactory implements BillingProviderFactory {

    /** The keys specific to Eklectic. */
    public static final Set<String> KEYS = Set.of("client-id", "client-secret", "zone", "currency",
            "notification-secret", "notification-secret-parameter", "notification-allowed-sources");

    /** Creates the factory (called by {@link java.util.ServiceLoader}). */
    public EklecticProviderFactory() {
    }

    @Override
    public String id() {
        return EklecticClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        Set<String> keys = new HashSet<>(ProviderConfig.COMMON_KEYS);
        keys.addAll(KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        EklecticClient.Builder b = EklecticClient.builder().configure(config)
                .clientId(config.require("client-id"))
                .clientSecret(config.require("client-secret"));
        config.zone("zone").ifPresent(b::zone);
        config.currency("currency").ifPresent(b::currency);
        // present but blank is an error, never "no check"
        config.optionalNonBlank("notification-secret-parameter").ifPresent(b::notificationSecretParameter);
        config.requireIfPresent("notification-secret", "notification-secret-parameter");
        return b.build();
    }
}
