package io.dcb4j.b2maoc;

import io.dcb4j.b2maoc.model.TokenRequestMethod;
import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Creates a {@link B2mAocClient} for {@code BillingProviders.create("b2m-aoc", config)}. No key is
 * required: the gateway documents no credentials.
 *
 * <table>
 *   <caption>Configuration keys</caption>
 *   <tr><th>key</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code base-url}</td><td>the gateway's base URL</td><td>{@code https://rd.b2mwap.com}</td></tr>
 *   <tr><td>{@code connect-timeout}, {@code read-timeout}, {@code call-timeout}</td><td>durations such as
 *       {@code 10s}</td><td>10 s, 30 s, 60 s</td></tr>
 *   <tr><td>{@code max-attempts}</td><td>attempts per call, retries included</td><td>3</td></tr>
 *   <tr><td>{@code allow-insecure-http}</td><td>accept {@code http://} base URLs</td><td>false</td></tr>
 *   <tr><td>{@code get-token-method}</td><td>{@code get}, {@code post-form} or {@code post-json}</td>
 *       <td>{@code get}</td></tr>
 *   <tr><td>{@code currency}</td><td>ISO 4217 code of amounts</td><td>{@code BDT}</td></tr>
 *   <tr><td>{@code zone}</td><td>zone of {@code expiryDate}</td><td>{@code Asia/Dhaka}</td></tr>
 *   <tr><td>{@code notification-secret}</td><td>shared secret the subscription callback URL carries</td>
 *       <td>none</td></tr>
 *   <tr><td>{@code notification-secret-parameter}</td><td>its query parameter (requires
 *       {@code notification-secret})</td><td>{@code secret}</td></tr>
 *   <tr><td>{@code notification-allowed-sources}</td><td>comma-separated CIDR blocks callbacks may come
 *       from</td><td>any</td></tr>
 *   <tr><td>{@code header.<Name>}</td><td>an extra header sent with every request</td><td>none</td></tr>
 * </table>
 *
 * <p>A notification key that is present but blank (as an empty environment variable gives) is a {@link
 * ConfigurationException}: leave the key out to go without that check.
 */
public final class B2mAocProviderFactory implements BillingProviderFactory {

    /** The prefix of extra-header keys: {@code header.X-Api-Key=...}. */
    public static final String HEADER_PREFIX = "header.";

    private static final Set<String> KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(ProviderConfig.COMMON_KEYS);
        keys.add("get-token-method");
        keys.add("currency");
        keys.add("zone");
        keys.add("notification-secret");
        keys.add("notification-secret-parameter");
        keys.add("notification-allowed-sources");
        keys.add(HEADER_PREFIX + "<name>");
        KEYS = Set.copyOf(keys);
    }

    /** Creates the factory (called by {@link java.util.ServiceLoader}). */
    public B2mAocProviderFactory() {
    }

    @Override
    public String id() {
        return B2mAocClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        return KEYS;
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        B2mAocClient.Builder b = B2mAocClient.builder().configure(config);
        config.optional("get-token-method").ifPresent(v -> b.tokenRequestMethod(method(v)));
        config.currency("currency").ifPresent(b::currency);
        config.zone("zone").ifPresent(b::zone);
        config.optionalNonBlank("notification-secret-parameter").ifPresent(b::notificationSecretParameter);
        for (String key : config.keys()) {
            if (key.startsWith(HEADER_PREFIX)) {
                String name = key.substring(HEADER_PREFIX.length());
                if (name.isBlank()) {
                    throw new ConfigurationException(id(), key, "needs a header name after 'header.'");
                }
                config.optional(key).ifPresent(v -> b.extraHeader(name, v));
            }
        }
        return b.build();
    }

    private TokenRequestMethod method(String v) {
        return switch (v.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "get" -> TokenRequestMethod.GET;
            case "post-form", "post" -> TokenRequestMethod.POST_FORM;
            case "post-json" -> TokenRequestMethod.POST_JSON;
            default -> throw new ConfigurationException(id(), "get-token-method", "must be get, post-form or post-json");
        };
    }
}
