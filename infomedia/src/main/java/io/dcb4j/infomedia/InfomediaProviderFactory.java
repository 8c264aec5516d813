package io.dcb4j.infomedia;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link InfomediaClient} as provider {@code infomedia} for
 * {@link io.dcb4j.core.BillingProviders#create}: the shared keys are applied by {@link
 * InfomediaClient.Builder#configure}, then Infomedia's own. Keys:
 *
 * <table>
 *   <caption>Infomedia configuration keys</caption>
 *   <tr><th>key</th><th>required</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code api-key}</td><td>yes</td><td></td><td>sent as {@code X-Infomedia-Api-Key}</td></tr>
 *   <tr><td>{@code username}</td><td>yes</td><td></td><td>sent as {@code u} in every body</td></tr>
 *   <tr><td>{@code password}</td><td>yes</td><td></td><td>sent as {@code p} in every body</td></tr>
 *   <tr><td>{@code base-url}</td><td>no</td><td>{@code https://api.infomedia.co.uk/dcb}</td><td>API base URL</td></tr>
 *   <tr><td>{@code mcc}</td><td>no</td><td>{@code 424}</td><td>default mobile country code</td></tr>
 *   <tr><td>{@code mnc}</td><td>no</td><td>{@code 02}</td><td>default mobile network code</td></tr>
 *   <tr><td>{@code pin-field}</td><td>no</td><td>{@code pin}</td><td>the join body's PIN field</td></tr>
 *   <tr><td>{@code notification-secret}</td><td>no</td><td>none</td><td>shared secret required in every
 *       webhook URL</td></tr>
 *   <tr><td>{@code notification-secret-parameter}</td><td>no</td><td>{@code secret}</td><td>the query
 *       parameter that carries it (requires {@code notification-secret})</td></tr>
 *   <tr><td>{@code notification-allowed-sources}</td><td>no</td><td>any</td><td>comma-separated sender IP
 *       addresses accepted for webhooks</td></tr>
 *   <tr><td>{@code currency}</td><td>no</td><td>{@code AED}</td><td>currency of webhook charges
 *       without {@code currencyCode}</td></tr>
 *   <tr><td>{@code connect-timeout}, {@code read-timeout}, {@code call-timeout}, {@code max-attempts},
 *       {@code allow-insecure-http}</td><td>no</td><td>see {@link ProviderConfig}</td><td>transport</td></tr>
 * </table>
 *
 * <p>A notification key that is present but blank (as an empty environment variable gives) is a {@link
 * ConfigurationException}: leave the key out to go without that check.
 */
public final class InfomediaProviderFactory implements BillingProviderFactory {

    private static final List<String> OWN_KEYS = List.of("api-key", "username", "password", "mcc", "mnc",
            "pin-field", "notification-secret", "notification-secret-parameter", "notification-allowed-sources",
            "currency");

    /** Creates the factory; {@link java.util.ServiceLoader} calls this. */
    public InfomediaProviderFactory() {
    }

    @Override
    public String id() {
        return InfomediaClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        Set<String> keys = new HashSet<>(ProviderConfig.COMMON_KEYS);
        keys.addAll(OWN_KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        config.requireIfPresent("notification-secret", "notification-secret-parameter");
        InfomediaClient.Builder b = InfomediaClient.builder().configure(config)
                .apiKey(config.require("api-key"))
                .username(config.require("username"))
                .password(config.require("password"));
        config.optionalNonBlank("notification-secret-parameter").ifPresent(b::notificationSecretParameter);
        config.currency("currency").ifPresent(b::currency);
        config.optional("mcc").ifPresent(b::mcc);
        config.optional("mnc").ifPresent(b::mnc);
        config.optional("pin-field").ifPresent(b::pinField);
        return b.build();
    }
}
