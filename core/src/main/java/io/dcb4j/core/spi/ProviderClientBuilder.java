package io.dcb4j.core.spi;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.ProviderConfig;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.error.ConfigurationException;
import io.dcb4j.core.notification.SourceAddressAllowList;
import io.dcb4j.core.spi.support.ConfigChecks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The base of every provider client's builder: one spelling of the settings all providers share.
 *
 * <p><b>Precedence.</b> {@link #options(ClientOptions)} sets the base transport settings ({@code null}
 * means the defaults); the shortcuts {@link #connectTimeout}, {@link #readTimeout}, {@link #callTimeout},
 * {@link #retryPolicy} and {@link #extraHeader} override what the options say, whatever the order of the
 * calls. A later call of the same setter replaces the earlier one.
 *
 * <p><b>Callbacks.</b> {@link #notificationSecret} is the provider's callback credential (a shared secret
 * carried in the callback, or the HMAC key of a signing provider: the provider's builder documents which);
 * {@link #notificationAllowedSources} limits callbacks to the provider's addresses. Not calling them leaves
 * the check off; a blank secret or an empty allow-list is a {@link ConfigurationException}, never "off".
 *
 * <p>For provider modules; may change in minor versions.
 *
 * @param <B> the provider's builder type
 * @param <C> the client it builds
 */
public abstract class ProviderClientBuilder<B extends ProviderClientBuilder<B, C>, C extends BillingProvider> {

    private final String provider;
    private String baseUrl;
    private ClientOptions options;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private RetryPolicy retryPolicy;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String notificationSecret;
    private SourceAddressAllowList notificationAllowedSources;

    /**
     * Starts with the provider's documented base URL.
     *
     * @param provider the provider id, for configuration errors
     * @param defaultBaseUrl the documented production base URL
     */
    protected ProviderClientBuilder(String provider, String defaultBaseUrl) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.baseUrl = defaultBaseUrl;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The API base URL; the provider's documented one by default.
     *
     * @param baseUrl an absolute https URL (http only with {@link ClientOptions.Builder#allowInsecureHttp})
     * @return this builder
     */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * The transport settings: timeouts, retries, http opt-in, the caller's OkHttp client, token store, clock.
     * The shortcuts of this builder override them (see the class documentation).
     *
     * @param options the options; {@code null} means {@link ClientOptions#defaults()}
     * @return this builder
     */
    public B options(ClientOptions options) {
        this.options = options;
        return self();
    }

    /**
     * The TCP connect timeout; overrides the options' value.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return self();
    }

    /**
     * The socket read timeout; overrides the options' value.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return self();
    }

    /**
     * The limit for a whole operation (token fetch, retries and backoff included); overrides the options'
     * value.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public B callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return self();
    }

    /**
     * The retry policy; overrides the options' value.
     *
     * @param policy the policy
     * @return this builder
     */
    public B retryPolicy(RetryPolicy policy) {
        this.retryPolicy = policy;
        return self();
    }

    /**
     * A header sent on every request, in addition to the options' extra headers (this one wins on the same
     * name). Its value is treated as a credential: it never appears in a log line or an error message.
     *
     * @param name the header name
     * @param value the value
     * @return this builder
     */
    public B extraHeader(String name, String value) {
        if (name == null || name.isBlank()) {
            throw new ConfigurationException(provider, "extra-header", "needs a header name");
        }
        extraHeaders.put(name.strip(), Objects.requireNonNull(value, "value"));
        return self();
    }

    /**
     * The provider's callback credential: the shared secret every callback must carry, or the key its
     * signature is checked with (the provider's builder says which). Callbacks without it are refused.
     *
     * @param secret the secret; never logged
     * @return this builder
     * @throws ConfigurationException when blank (empty, or only white space and commas, as an empty
     *     environment variable gives): a blank secret never turns the check off
     */
    public B notificationSecret(String secret) {
        this.notificationSecret = ConfigChecks.optionalNonBlank(provider, "notification-secret", secret);
        return self();
    }

    /**
     * Accepts callbacks only from these source addresses.
     *
     * @param allowList the provider's addresses or CIDR blocks
     * @return this builder
     */
    public B notificationAllowedSources(SourceAddressAllowList allowList) {
        this.notificationAllowedSources = Objects.requireNonNull(allowList, "allowList");
        return self();
    }

    /**
     * Accepts callbacks only from these source addresses.
     *
     * @param addressesOrCidrs addresses or CIDR blocks, each entry possibly comma-separated; at least one
     * @return this builder
     * @throws ConfigurationException when no entry is left once blanks are dropped, or an entry is malformed
     */
    public B notificationAllowedSources(String... addressesOrCidrs) {
        return notificationAllowedSources(ConfigChecks.allowList(provider, "notification-allowed-sources",
                addressesOrCidrs == null ? java.util.List.of() : java.util.Arrays.asList(addressesOrCidrs)));
    }

    /**
     * Applies the shared configuration keys: {@code base-url}, the common transport keys, {@code
     * notification-secret} and {@code notification-allowed-sources}. A provider factory calls this first,
     * then reads its own keys.
     *
     * @param config the configuration
     * @return this builder
     */
    public B configure(ProviderConfig config) {
        options(config.clientOptions());
        config.optional("base-url").ifPresent(this::baseUrl);
        config.optionalNonBlank("notification-secret").ifPresent(this::notificationSecret);
        config.allowList("notification-allowed-sources").ifPresent(this::notificationAllowedSources);
        return self();
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException when a setting is missing or malformed, naming its key
     */
    public abstract C build();

    /**
     * The provider id.
     *
     * @return the id
     */
    protected final String provider() {
        return provider;
    }

    /**
     * The base URL as set (not validated yet: the transport validates it).
     *
     * @return the URL text
     */
    protected final String baseUrl() {
        return baseUrl;
    }

    /**
     * The callback credential, when set.
     *
     * @return the secret
     */
    protected final Optional<String> notificationSecret() {
        return Optional.ofNullable(notificationSecret);
    }

    /**
     * The callback allow-list, when set.
     *
     * @return the allow-list
     */
    protected final Optional<SourceAddressAllowList> notificationAllowedSources() {
        return Optional.ofNullable(notificationAllowedSources);
    }

    /**
     * The transport settings after the precedence rule: the options (or the defaults), then the shortcuts.
     *
     * @return the options
     * @throws ConfigurationException naming {@code options} when a value is invalid
     */
    protected final ClientOptions clientOptions() {
        ClientOptions.Builder b = (options == null ? ClientOptions.defaults() : options).toBuilder();
        try {
            if (connectTimeout != null) {
                b.connectTimeout(connectTimeout);
            }
            if (readTimeout != null) {
                b.readTimeout(readTimeout);
            }
            if (callTimeout != null) {
                b.callTimeout(callTimeout);
            }
            if (retryPolicy != null) {
                b.retryPolicy(retryPolicy);
            }
            extraHeaders.forEach(b::extraHeader);
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ConfigurationException(provider, "options", "are invalid: " + e.getMessage());
        }
    }
}
