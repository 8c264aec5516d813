package io.dcb4j.spring;

import io.dcb4j.core.token.TokenStore;
import io.dcb4j.spring.internal.BillingProviderBeans;
import io.dcb4j.spring.internal.ProvidersFromProperties;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Builds the providers configured under {@code dcb4j.providers}: a {@link BillingProviderRegistry} bean, and
 * one {@code BillingProvider} bean per provider, qualified by its id. Each provider's {@code ClientOptions}
 * get the application's {@code OkHttpClient} and {@code TokenStore} beans when there is exactly one of each,
 * then the transport properties, then every {@link ClientOptionsCustomizer} bean in order. A configuration
 * error (a missing or malformed key) fails the start-up with a message naming the property block and the
 * key; the providers are closed when the context closes.
 */
@AutoConfiguration
@EnableConfigurationProperties(Dcb4jProperties.class)
@Import(BillingProviderBeans.class)
public class Dcb4jAutoConfiguration {

    /** Created by Spring. */
    public Dcb4jAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    BillingProviderRegistry dcb4jBillingProviderRegistry(Dcb4jProperties properties,
            ObjectProvider<OkHttpClient> okHttpClient, ObjectProvider<TokenStore> tokenStore,
            ObjectProvider<ClientOptionsCustomizer> customizers) {
        return BillingProviderRegistry.of(ProvidersFromProperties.build(properties.providers(),
                okHttpClient.getIfUnique(), tokenStore.getIfUnique(), customizers.orderedStream().toList()));
    }

    /**
     * With {@code dcb4j-micrometer} on the class path and an {@code ObservationRegistry} bean (Spring Boot
     * Actuator makes one), every provider is observed: {@code dcb.operation}, {@code dcb.token.fetch} and
     * {@code dcb.notification} reach Boot's metrics and tracing. Declared before the application's own
     * customizers, which may replace the observer.
     */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(
            name = {"io.dcb4j.micrometer.MicrometerObserver", "io.micrometer.observation.ObservationRegistry"})
    static class ObservationConfiguration {

        @Bean
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
        ClientOptionsCustomizer dcb4jObservationCustomizer(
                ObjectProvider<io.micrometer.observation.ObservationRegistry> registry) {
            return (provider, options) -> registry.ifAvailable(
                    r -> options.observer(io.dcb4j.micrometer.MicrometerObserver.create(r)));
        }
    }
}
