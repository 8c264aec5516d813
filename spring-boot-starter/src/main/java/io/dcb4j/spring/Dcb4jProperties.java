package io.dcb4j.spring;

import io.dcb4j.spring.internal.ProviderKeys;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DataSizeUnit;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;
import org.springframework.util.unit.DataUnit;

/**
 * The {@code dcb4j.*} properties: one block per provider under {@code dcb4j.providers.<id>}, the callback
 * endpoint and the health check. Every provider key of the configuration guide has a property of the same
 * name; durations take {@code 10s}, {@code 500ms}, {@code 2m} or ISO-8601, and a bare number means seconds, as
 * the keys do. Environment variables bind with Spring's relaxed rules: {@code
 * DCB4J_PROVIDERS_EKLECTIC_CLIENTSECRET} (or {@code DCB4J_PROVIDERS_EKLECTIC_CLIENT_SECRET}) is {@code
 * dcb4j.providers.eklectic.client-secret}. {@link #toString()} never shows a secret.
 *
 * @param providers the providers to build
 * @param primary the provider whose bean is injected where a single BillingProvider is asked for and
 *     several are configured
 * @param webhook the callback endpoint
 * @param health the health check
 */
@ConfigurationProperties("dcb4j")
public record Dcb4jProperties(@DefaultValue Providers providers, String primary, @DefaultValue Webhook webhook,
        @DefaultValue Health health) {

    /**
     * The ids of the providers that have a block of their own under {@code dcb4j.providers}; any other
     * provider is configured under {@code dcb4j.providers.other.<id>}.
     */
    public static final Set<String> TYPED_PROVIDERS = Set.of("eklectic", "infomedia", "eclipse-vas", "centili",
            "b2m-aoc");

    /**
     * The providers. A provider is built when any of its properties is set and {@code enabled} is not false.
     *
     * @param eklectic Eklectic (Tunisia): OTP subscriptions
     * @param infomedia Infomedia (Etisalat UAE): PIN subscriptions
     * @param eclipseVas Eclipse VAS (Ukheshe): payments with signed callbacks
     * @param centili Centili: transactions with PIN, MO, redirect or captcha
     * @param b2mAoc B2M AOC (Robi, Bangladesh): consent-page charges
     * @param other providers maintained outside dcb4j, by id, with their configuration keys as they document
     *     them (dcb4j.providers.other.acme.api-key)
     */
    public record Providers(Eklectic eklectic, Infomedia infomedia, EclipseVas eclipseVas, Centili centili,
            B2mAoc b2mAoc, Map<String, Map<String, String>> other) {

        /**
         * Copies the map of other providers.
         *
         * @param eklectic Eklectic (Tunisia): OTP subscriptions
         * @param infomedia Infomedia (Etisalat UAE): PIN subscriptions
         * @param eclipseVas Eclipse VAS (Ukheshe): payments with signed callbacks
         * @param centili Centili: transactions with PIN, MO, redirect or captcha
         * @param b2mAoc B2M AOC (Robi, Bangladesh): consent-page charges
         * @param other providers maintained outside dcb4j, by id, with their configuration keys as they document
         *     them (dcb4j.providers.other.acme.api-key)
         */
        public Providers {
            other = other == null ? Map.of() : Map.copyOf(other);
        }

        /**
         * The typed blocks that are set, by provider id.
         *
         * @return id to properties, in the order of the ids
         */
        public Map<String, ProviderProperties> typed() {
            return ProviderKeys.typed(eklectic, infomedia, eclipseVas, centili, b2mAoc);
        }

        /** Without secrets: the typed blocks mask theirs, and other providers' secret-looking keys are masked. */
        @Override
        public String toString() {
            return "Providers[" + typed().values() + ", other=" + ProviderKeys.describeOther(other) + "]";
        }
    }

    /**
     * Eklectic: {@code dcb4j.providers.eklectic.*}.
     *
     * @param enabled whether the provider is built
     * @param clientId the client id Eklectic issued
     * @param clientSecret the client secret; never shown
     * @param baseUrl the API base URL (default https://payment.eklectic.tn/API)
     * @param zone the zone of Eklectic's zone-less dates (default Africa/Tunis)
     * @param currency the currency of callback amounts (default TND)
     * @param notificationSecret when set, callbacks must carry it in a query parameter; never shown
     * @param notificationSecretParameter that query parameter (default secret)
     * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks callbacks may come from
     * @param connectTimeout the TCP connect timeout (default 10s)
     * @param readTimeout the socket read timeout (default 30s)
     * @param callTimeout the limit for a whole operation, retries included (default 60s)
     * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
     * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
     */
    public record Eklectic(@DefaultValue("true") boolean enabled, String clientId, String clientSecret,
            String baseUrl, String zone, String currency, String notificationSecret,
            String notificationSecretParameter, String notificationAllowedSources,
            @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration callTimeout, Integer maxAttempts,
            Boolean allowInsecureHttp) implements ProviderProperties {

        /** Without secrets. */
        @Override
        public String toString() {
            return ProviderKeys.describe(this);
        }
    }

    /**
     * Infomedia: {@code dcb4j.providers.infomedia.*}.
     *
     * @param enabled whether the provider is built
     * @param apiKey sent as X-Infomedia-Api-Key; never shown
     * @param username sent as u in every body
     * @param password sent as p in every body; never shown
     * @param baseUrl the API base URL (default https://api.infomedia.co.uk/dcb)
     * @param mcc the default mobile country code (default 424)
     * @param mnc the default mobile network code (default 02)
     * @param pinField the join body's field that carries the PIN (default pin)
     * @param notificationSecret shared secret required in every webhook URL; never shown
     * @param notificationSecretParameter the query parameter that carries it (default secret)
     * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks webhooks may come from
     * @param currency the currency of webhook charges without currencyCode (default AED)
     * @param connectTimeout the TCP connect timeout (default 10s)
     * @param readTimeout the socket read timeout (default 30s)
     * @param callTimeout the limit for a whole operation, retries included (default 60s)
     * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
     * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
     */
    public record Infomedia(@DefaultValue("true") boolean enabled, String apiKey, String username, String password,
            String baseUrl, String mcc, String mnc, String pinField, String notificationSecret,
            String notificationSecretParameter, String notificationAllowedSources, String currency,
            @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration callTimeout, Integer maxAttempts,
            Boolean allowInsecureHttp) implements ProviderProperties {

        /** Without secrets. */
        @Override
        public String toString() {
            return ProviderKeys.describe(this);
        }
    }

    /**
     * Eclipse VAS: {@code dcb4j.providers.eclipse-vas.*}.
     *
     * @param enabled whether the provider is built
     * @param baseUrl the Eclipse base URL (required: Eclipse has no public default)
     * @param tenantId the tenant id
     * @param identity the login identity
     * @param password the login password; never shown
     * @param loginPath the login path below the base URL
     * @param notificationSecret the callback signing (HMAC) key; never shown
     * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks callbacks may come from
     * @param customerId the customer of neutral charges whose request has no customer
     * @param walletId the wallet neutral charges pay from when the request has none
     * @param callbackUrl the callback URL of neutral charges whose request has none
     * @param connectTimeout the TCP connect timeout (default 10s)
     * @param readTimeout the socket read timeout (default 30s)
     * @param callTimeout the limit for a whole operation, retries included (default 60s)
     * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
     * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
     */
    public record EclipseVas(@DefaultValue("true") boolean enabled, String baseUrl, Long tenantId, String identity,
            String password, String loginPath, String notificationSecret, String notificationAllowedSources,
            Long customerId, Long walletId, String callbackUrl,
            @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration callTimeout, Integer maxAttempts,
            Boolean allowInsecureHttp) implements ProviderProperties {

        /** Without secrets. */
        @Override
        public String toString() {
            return ProviderKeys.describe(this);
        }
    }

    /**
     * Centili: {@code dcb4j.providers.centili.*}.
     *
     * @param enabled whether the provider is built
     * @param clientId the OAuth2 client id
     * @param clientSecret the OAuth2 client secret, for confidential clients; never shown
     * @param username the API user of the password grant
     * @param password the API user's password; never shown
     * @param tokenUrl the token endpoint
     * @param baseUrl the API base URL (default https://capi.centili.com/payments/v3)
     * @param zone the zone of Centili's zone-less times (default UTC)
     * @param serviceKey the service key of neutral charges whose request has no offer
     * @param notificationSecret shared secret required in notification URLs; never shown
     * @param notificationSecretParameter its query parameter (default secret)
     * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks notifications may come from
     * @param connectTimeout the TCP connect timeout (default 10s)
     * @param readTimeout the socket read timeout (default 30s)
     * @param callTimeout the limit for a whole operation, retries included (default 60s)
     * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
     * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
     */
    public record Centili(@DefaultValue("true") boolean enabled, String clientId, String clientSecret,
            String username, String password, String tokenUrl, String baseUrl, String zone, String serviceKey,
            String notificationSecret, String notificationSecretParameter, String notificationAllowedSources,
            @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration callTimeout, Integer maxAttempts,
            Boolean allowInsecureHttp) implements ProviderProperties {

        /** Without secrets. */
        @Override
        public String toString() {
            return ProviderKeys.describe(this);
        }
    }

    /**
     * B2M AOC: {@code dcb4j.providers.b2m-aoc.*}. No key is required: the gateway documents no credentials.
     *
     * @param enabled whether the provider is built
     * @param baseUrl the gateway's base URL (default https://rd.b2mwap.com)
     * @param getTokenMethod the form of getToken: get, post-form or post-json
     * @param currency the currency of amounts (default BDT)
     * @param zone the zone of the zone-less expiryDate (default Asia/Dhaka)
     * @param notificationSecret shared secret the subscription callback URL carries; never shown
     * @param notificationSecretParameter its query parameter (default secret)
     * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks callbacks may come from
     * @param header extra headers sent with every request, by name (the keys header.NAME); values
     *     never shown
     * @param connectTimeout the TCP connect timeout (default 10s)
     * @param readTimeout the socket read timeout (default 30s)
     * @param callTimeout the limit for a whole operation, retries included (default 60s)
     * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
     * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
     */
    public record B2mAoc(@DefaultValue("true") boolean enabled, String baseUrl, String getTokenMethod,
            String currency, String zone, String notificationSecret, String notificationSecretParameter,
            String notificationAllowedSources, Map<String, String> header,
            @DurationUnit(ChronoUnit.SECONDS) Duration connectTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration readTimeout,
            @DurationUnit(ChronoUnit.SECONDS) Duration callTimeout, Integer maxAttempts,
            Boolean allowInsecureHttp) implements ProviderProperties {

        /**
         * Copies the headers.
         *
         * @param enabled whether the provider is built
         * @param baseUrl the gateway's base URL (default https://rd.b2mwap.com)
         * @param getTokenMethod the form of getToken: get, post-form or post-json
         * @param currency the currency of amounts (default BDT)
         * @param zone the zone of the zone-less expiryDate (default Asia/Dhaka)
         * @param notificationSecret shared secret the subscription callback URL carries; never shown
         * @param notificationSecretParameter its query parameter (default secret)
         * @param notificationAllowedSources comma-separated IP addresses or CIDR blocks callbacks may come from
         * @param header extra headers sent with every request, by name (the keys header.NAME); values
         *     never shown
         * @param connectTimeout the TCP connect timeout (default 10s)
         * @param readTimeout the socket read timeout (default 30s)
         * @param callTimeout the limit for a whole operation, retries included (default 60s)
         * @param maxAttempts attempts per call, the first included; 1 disables retries (default 3)
         * @param allowInsecureHttp accept http:// base URLs, for simulators on loopback (default false)
         */
        public B2mAoc {
            header = header == null ? Map.of() : Map.copyOf(header);
        }

        /** Without secrets. */
        @Override
        public String toString() {
            return ProviderKeys.describe(this);
        }
    }

    /**
     * The callback endpoint {@code <path>/<provider>}: verifies each callback with the provider's parser,
     * de-duplicates it, publishes its {@code BillingEvent} as an application event and answers the
     * provider's acknowledgement.
     *
     * @param enabled whether the endpoint is mapped (Spring MVC applications only)
     * @param path the path the provider id is appended to
     * @param maxBodySize the largest callback body read; a larger one is answered 413
     * @param deduplication the in-memory de-duplication, used when no EventDeduplicator bean exists
     */
    public record Webhook(@DefaultValue("false") boolean enabled,
            @DefaultValue("/dcb4j/notifications") String path,
            @DataSizeUnit(DataUnit.KILOBYTES) @DefaultValue("64KB") DataSize maxBodySize,
            @DefaultValue Deduplication deduplication) {

        /**
         * Checks the path.
         *
         * @param enabled whether the endpoint is mapped (Spring MVC applications only)
         * @param path the path the provider id is appended to
         * @param maxBodySize the largest callback body read; a larger one is answered 413
         * @param deduplication the in-memory de-duplication, used when no EventDeduplicator bean exists
         * @throws IllegalArgumentException when the path does not start with {@code /} or ends with one
         */
        public Webhook {
            if (path == null || !path.startsWith("/") || path.length() > 1 && path.endsWith("/")) {
                throw new IllegalArgumentException("dcb4j.webhook.path must start with / and not end with one");
            }
        }
    }

    /**
     * The in-memory de-duplication of callbacks (one JVM; give an {@code EventDeduplicator} bean over a
     * shared store when several instances receive callbacks).
     *
     * @param maxEntries how many events are remembered at most; the oldest are forgotten first
     * @param ttl how long an event is remembered
     */
    public record Deduplication(@DefaultValue("100000") int maxEntries, @DefaultValue("24h") Duration ttl) {
    }

    /**
     * The health check of each provider ({@code /actuator/health/dcb4j/<id>}).
     *
     * @param probe whether the check calls the provider (a status read of an id that does not exist, which
     *     needs a token and a reachable provider); false checks the configuration only
     * @param cacheTtl how long a result is reused, so that health checks do not reach the provider each time
     */
    public record Health(@DefaultValue("true") boolean probe, @DefaultValue("5m") Duration cacheTtl) {
    }
}
