package io.dcb4j.spring;

import io.dcb4j.core.ClientOptions;

/**
 * Adjusts the transport options of each provider the starter builds, after the properties and the
 * application's {@code OkHttpClient} and {@code TokenStore} beans were applied: declare one or more beans
 * (ordered with {@code @Order}) to add an interceptor, a clock, finer retry settings or an observer.
 *
 * <pre>{@code
 * @Bean
 * ClientOptionsCustomizer slowerCentili() {
 *     return (provider, options) -> {
 *         if (provider.equals("centili")) {
 *             options.readTimeout(Duration.ofSeconds(45));
 *         }
 *     };
 * }
 * }</pre>
 */
@FunctionalInterface
public interface ClientOptionsCustomizer {

    /**
     * Customises the options of one provider.
     *
     * @param provider the provider id
     * @param options the options so far; change them in place
     */
    void customize(String provider, ClientOptions.Builder options);
}
