package io.dcb4j.eclipsevas;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Registers {@link EclipseVasClient} as {@code eclipse-vas} for
 * {@link io.dcb4j.core.BillingProviders#create}.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>required</th><th>meaning</th></tr>
 *   <tr><td>{@code base-url}</td><td>yes</td><td>the Eclipse base URL (no public default)</td></tr>
 *   <tr><td>{@code tenant-id}</td><td>yes</td><td>the tenant id</td></tr>
 *   <tr><td>{@code identity}</td><td>yes</td><td>the login identity</td></tr>
 *   <tr><td>{@code password}</td><td>yes</td><td>the login password</td></tr>
 *   <tr><td>{@code login-path}</td><td>no</td><td>default {@value EclipseVasClient#DEFAULT_LOGIN_PATH}</td></tr>
 *   <tr><td>{@code notification-secret}</td><td>no</td><td>the callback signing key; when set, unsigned
 *       callbacks are rejected</td></tr>
 *   <tr><td>{@code notification-allowed-sources}</td><td>no</td><td>comma-separated addresses or CIDR blocks
 *       callbacks may come from</td></tr>
 *   <tr><td>{@code customer-id}</td><td>no</td><td>default customer for neutral charges</td></tr>
 *   <tr><td>{@code wallet-id}</td><td>no</td><td>default wallet for neutral charges</td></tr>
 *   <tr><td>{@code callback-url}</td><td>no</td><td>default callback URL for neutral charges</td></tr>
 *   <tr><td>{@code connect-timeout}, {@code read-timeout}, {@code call-timeout}</td><td>no</td><td>10s, 30s, 60s</td></tr>
 *   <tr><td>{@code max-attempts}</td><td>no</td><td>3; {@code 1} disables retries</td></tr>
 *   <tr><td>{@code allow-insecure-http}</td><td>no</td><td>{@code false}; {@code true} for simulators on loopback</td></tr>
 * </table>
 *
 * <p>{@code notification-secret} or {@code notification-allowed-sources} present but blank (as an empty
 * environment variable gives) is a {@link ConfigurationException}: leave the key out to go without that check.
 */
public final class EclipseVasProviderFactory implements BillingProviderFactory {

    /** The provider-specific keys. */
    public static final Set<String> KEYS = Set.of("base-url", "tenant-id", "identity", "password", "login-path",
            "notification-secret", "customer-id", "wallet-id", "callback-url", "notification-allowed-sources");

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public EclipseVasProviderFactory() {
    }

    @Override
    public String id() {
        return EclipseVasClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        Set<String> keys = new LinkedHashSet<>(KEYS);
        keys.addAll(ProviderConfig.COMMON_KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        EclipseVasClient.Builder b = EclipseVasClient.builder().configure(config)
                .tenantId(number(config, "tenant-id").orElseThrow(
                        () -> new ConfigurationException(EclipseVasClient.ID, "tenant-id", "is required")))
                .credentials(config.require("identity"), config.require("password"));
        config.optional("login-path").ifPresent(b::loginPath);
        config.optional("callback-url").ifPresent(b::defaultCallbackUrl);
        number(config, "customer-id").ifPresent(b::defaultCustomerId);
        number(config, "wallet-id").ifPresent(b::defaultWalletId);
        return b.build();
    }

    private static Optional<Long> number(ProviderConfig config, String key) {
        return config.optional(key).map(v -> {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new ConfigurationException(EclipseVasClient.ID, key, "must be a whole number");
            }
        });
    }
}
