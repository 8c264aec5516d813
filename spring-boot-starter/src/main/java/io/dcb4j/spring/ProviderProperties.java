package io.dcb4j.spring;

import io.dcb4j.spring.internal.ProviderKeys;
import java.time.Duration;
import java.util.Map;

/**
 * The settings of one provider under {@code dcb4j.providers.<id>}: the provider's own keys (credentials,
 * base URL, callback checks, as in the configuration guide) and the transport settings that go into its
 * {@link io.dcb4j.core.ClientOptions}. Each property is one key of {@code BillingProviders.create}, spelled
 * the same way: {@code dcb4j.providers.eklectic.client-secret} is the key {@code client-secret}. A property
 * that is not set is {@code null} here and absent from the keys, so that the provider's default applies.
 */
public interface ProviderProperties {

    /**
     * Whether the provider is built; {@code false} keeps its settings without a bean.
     *
     * @return true by default
     */
    boolean enabled();

    /**
     * The TCP connect timeout ({@code ClientOptions.connectTimeout}).
     *
     * @return the timeout, or null for the default
     */
    Duration connectTimeout();

    /**
     * The socket read timeout ({@code ClientOptions.readTimeout}).
     *
     * @return the timeout, or null for the default
     */
    Duration readTimeout();

    /**
     * The limit for a whole operation, retries included ({@code ClientOptions.callTimeout}).
     *
     * @return the timeout, or null for the default
     */
    Duration callTimeout();

    /**
     * Attempts per call, the first included; {@code 1} disables retries.
     *
     * @return the attempts, or null for the default retry policy
     */
    Integer maxAttempts();

    /**
     * Whether {@code http://} base URLs are accepted (simulators on loopback).
     *
     * @return the setting, or null for the default ({@code false})
     */
    Boolean allowInsecureHttp();

    /**
     * The provider's own keys for {@code BillingProviders.create}: every property that is set, except
     * {@code enabled} and the transport settings above, under its key name ({@code client-secret},
     * {@code header.X-Partner-Id}). The values hold secrets: never log them.
     *
     * @return key to value
     */
    default Map<String, String> providerKeys() {
        return ProviderKeys.of(this);
    }
}
