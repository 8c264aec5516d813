package io.dcb4j.examples.snippets;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.ClientOptions;
import io.dcb4j.core.RetryPolicy;
import io.dcb4j.core.token.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** The code of docs/configuration.md that does not depend on one provider. */
final class Configuration {

    private Configuration() {
    }

    static ClientOptions options() {
        // tag::client-options[]
        ClientOptions options = ClientOptions.builder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(20))
                .callTimeout(Duration.ofSeconds(45))          // the whole call: every attempt and backoff
                .retryPolicy(RetryPolicy.builder()
                        .maxAttempts(4)
                        .initialBackoff(Duration.ofMillis(300))
                        .maxBackoff(Duration.ofSeconds(3))
                        .multiplier(2.0)
                        .jitter(0.2)
                        .maxRetryAfter(Duration.ofSeconds(10))
                        .build())
                .extraHeader("X-Merchant", "shop-42")
                .tokenStore(TokenStore.inMemory())
                .tokenRefreshSkew(Duration.ofMinutes(2))
                .clock(Clock.systemUTC())
                .maxResponseBytes(1024 * 1024)
                .build();
        // end::client-options[]
        return options;
    }

    static ClientOptions noRetries() {
        // tag::no-retries[]
        ClientOptions options = ClientOptions.defaults().toBuilder().retryPolicy(RetryPolicy.none()).build();
        // end::no-retries[]
        return options;
    }

    static BillingProvider fromKeys() {
        // tag::create-with-keys[]
        Map<String, String> config = new HashMap<>();
        config.put("client-id", System.getenv("EKLECTIC_CLIENT_ID"));          // provider keys
        config.put("client-secret", System.getenv("EKLECTIC_CLIENT_SECRET"));
        config.put("connect-timeout", "5s");                                   // common keys
        config.put("call-timeout", "45s");
        config.put("max-attempts", "4");
        BillingProvider provider = BillingProviders.create("eklectic", config);
        // end::create-with-keys[]
        return provider;
    }

    static BillingProvider fromKeysWithOptions(String id, Map<String, String> config, okhttp3.OkHttpClient shared,
            TokenStore sharedTokens) {
        // tag::create-with-options[]
        ClientOptions options = ClientOptions.builder()
                .okHttpClient(shared)             // your connection pool, proxy, pinning or interceptors
                .tokenStore(sharedTokens)         // tokens shared by every instance
                .build();
        BillingProvider provider = BillingProviders.create(id, config, options);   // the keys override the options
        // end::create-with-options[]
        return provider;
    }

    static Set<String> keysOf(String id) {
        // tag::config-keys[]
        Set<String> keys = BillingProviders.factory(id).orElseThrow().configKeys();
        // end::config-keys[]
        return keys;
    }
}
