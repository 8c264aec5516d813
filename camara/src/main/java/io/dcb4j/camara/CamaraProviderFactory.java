package io.dcb4j.camara;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.spi.BillingProviderFactory;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Builds {@link CamaraClient}s for {@code BillingProviders.create("camara", config)}. Keys:
 * <ul>
 *   <li>{@code base-url} (required): the operator's apiRoot</li>
 *   <li>{@code client-id}, {@code client-secret}, {@code token-url} (required for two-legged access): the
 *       client credentials and the operator's token endpoint</li>
 *   <li>{@code scope}: the scopes of the two-legged token, default all five of the payments and refunds APIs</li>
 *   <li>{@code client-auth}: {@code basic} (default) or {@code post}, how the client authenticates at the
 *       token endpoint</li>
 *   <li>{@code payments-path}: default {@value CamaraClient#DEFAULT_PAYMENTS_PATH}; {@code refunds-path}:
 *       default {@value CamaraClient#DEFAULT_REFUNDS_PATH}</li>
 *   <li>{@code charge-flow}: {@code one-step} (default) or {@code two-step}, the flow of neutral charges</li>
 *   <li>{@code sink}: the https URL of your notification endpoint, sent with every payment and refund</li>
 *   <li>{@code sink-credential-lifetime}: how long the sink credential is valid, default 30 days</li>
 *   <li>{@code notification-secret}: the sink credential, the bearer token the operator presents to your sink
 *       (checked by the parser, sent with the sink)</li>
 *   <li>{@code notification-allowed-sources}: comma-separated addresses or CIDR blocks notifications may come
 *       from, default any</li>
 *   <li>the common keys {@code connect-timeout}, {@code read-timeout}, {@code call-timeout},
 *       {@code max-attempts}, {@code allow-insecure-http} (see {@link ProviderConfig})</li>
 * </ul>
 * Three-legged access ({@link SubscriberTokens}) is code, not configuration: use the builder.
 */
public final class CamaraProviderFactory implements BillingProviderFactory {

    /** The keys specific to CAMARA. */
    public static final Set<String> KEYS = Set.of("client-id", "client-secret", "token-url", "scope", "client-auth",
            "payments-path", "refunds-path", "charge-flow", "sink", "sink-credential-lifetime", "notification-secret",
            "notification-allowed-sources");

    /** Creates the factory (called by {@link java.util.ServiceLoader}). */
    public CamaraProviderFactory() {
    }

    @Override
    public String id() {
        return CamaraClient.ID;
    }

    @Override
    public Set<String> configKeys() {
        Set<String> keys = new HashSet<>(ProviderConfig.COMMON_KEYS);
        keys.addAll(KEYS);
        return Set.copyOf(keys);
    }

    @Override
    public BillingProvider create(ProviderConfig config) {
        CamaraClient.Builder b = CamaraClient.builder().configure(config)
                .clientId(config.require("client-id"))
                .clientSecret(config.require("client-secret"))
                .tokenUrl(config.require("token-url"));
        config.optional("scope").ifPresent(b::scope);
        config.optionalNonBlank("client-auth").ifPresent(b::clientAuth);
        config.optionalNonBlank("payments-path").ifPresent(b::paymentsPath);
        config.optionalNonBlank("refunds-path").ifPresent(b::refundsPath);
        config.optionalNonBlank("charge-flow").ifPresent(flow -> {
            String f = flow.strip().toLowerCase(Locale.ROOT);
            if (!f.equals("one-step") && !f.equals("two-step")) {
                throw new ConfigurationException(CamaraClient.ID, "charge-flow", "must be one-step or two-step");
            }
            b.twoStepCharges(f.equals("two-step"));
        });
        config.optionalNonBlank("sink").ifPresent(b::sink);
        config.duration("sink-credential-lifetime").ifPresent(b::sinkCredentialLifetime);
        return b.build();
    }
}
