package io.dcb4j.eklectic;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.time.DateTimeException;
import java.time.ZoneId;
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
        EklecticClient.Builder b = EklecticClient.builder()
                .clientId(config.require("client-id"))
                .clientSecret(config.require("client-secret"))
                .options(config.clientOptions());
        config.optional("base-url").ifPresent(b::baseUrl);
        config.optional("zone").ifPresent(z -> {
            try {
                b.zone(ZoneId.of(z));
            } catch (DateTimeException e) {
                throw new ConfigurationException(EklecticClient.ID, "zone", "is not a known time zone id");
            }
        });
        config.optional("currency").ifPresent(c -> {
            try {
                b.currency(java.util.Currency.getInstance(c.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(EklecticClient.ID, "currency", "is not an ISO 4217 currency code");
            }
        });
        config.allowList("notification-allowed-sources").ifPresent(b::notificationAllowedSources);
        // present but blank is an error, never "no check": see ProviderConfig.optionalNonBlank
        java.util.Optional<String> parameter = config.optionalNonBlank("notification-secret-parameter");
        java.util.Optional<String> secret = config.optionalNonBlank("notification-secret");
        config.requireIfPresent("notification-secret", "notification-secret-parameter");
        secret.ifPresent(s -> b.notificationSecret(parameter.orElse("secret"), s));
        return b.build();
    }
}
