package io.dcb4j.centili;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Creates {@link CentiliClient}s for {@code BillingProviders.create("centili", config)}. Keys:
 * <ul>
 *   <li>{@code client-id} (required): the OAuth2 client id</li>
 *   <li>{@code client-secret} (optional): the OAuth2 client secret, for confidential clients</li>
 *   <li>{@code username}, {@code password} (required): the API user of the password grant</li>
 *   <li>{@code token-url} (optional): default {@value CentiliClient#DEFAULT_TOKEN_URL}</li>
 *   <li>{@code base-url} (optional): default {@value CentiliClient#DEFAULT_BASE_URL}</li>
 *   <li>{@code zone} (optional): the zone of Centili's zone-less times, default {@code UTC}</li>
 *   <li>{@code service-key} (optional): the service key for neutral charges without an offer</li>
 *   <li>{@code notification-secret} (optional): the shared secret required in notification URLs</li>
 *   <li>{@code notification-secret-parameter} (optional): its query parameter, default {@code secret}
 *       (requires {@code notification-secret})</li>
 *   <li>{@code notification-allowed-sources} (optional): comma-separated IP addresses notifications may come from</li>
 *   <li>and the common keys of {@link ProviderConfig}: {@code connect-timeout}, {@code read-timeout},
 *       {@code call-timeout}, {@code max-attempts}, {@code allow-insecure-http}</li>
 * </ul>
 * A notification key that is present but blank (as an empty environment variable gives) is a
 * {@link ConfigurationException}: leave the key out to go without that check. There is no currency key:
 * the notification's {@code amount} is a quantity of goods, not money.
 */
public final class CentiliProviderFactory implements BillingProviderFactory {

    private static final Set<String> KEYS;

    static {
        Set<String> keys = new HashSet<>(ProviderConfig.COMMON_KEYS);
        keys.addAll(List.of("client-id", "client-secret", "username", "password", "token-url", "zone",
                "service-key", "notification-secret", "notification-secret-parameter", "notification-allowed-sources"));
        KEYS = Set.copyOf(keys);
    }

    /** Used by {@link java.util.ServiceLoader}. */
    public CentiliProviderFactory() {
    }

    @Override
    public String id() {
        return CentiliClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        return KEYS;
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        CentiliClient.Builder b = CentiliClient.builder().configure(config);
        config.optionalNonBlank("notification-secret-parameter").ifPresent(b::notificationSecretParameter);
        config.requireIfPresent("notification-secret", "notification-secret-parameter");
        b.clientId(config.require("client-id"))
                .clientSecret(config.optional("client-secret").orElse(null))
                .username(config.require("username"))
                .password(config.require("password"))
                .tokenUrl(config.optional("token-url").orElse(CentiliClient.DEFAULT_TOKEN_URL))
                .defaultServiceKey(config.optional("service-key").orElse(null));
        config.zone("zone").ifPresent(b::zone);
        return b.build();
    }
}
