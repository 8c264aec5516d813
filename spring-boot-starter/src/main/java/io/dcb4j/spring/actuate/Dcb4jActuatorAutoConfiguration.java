package io.dcb4j.spring.actuate;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.spring.BillingProviderRegistry;
import io.dcb4j.spring.Dcb4jAutoConfiguration;
import io.dcb4j.spring.Dcb4jProperties;
import io.dcb4j.spring.internal.ProviderKeys;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support: a health contributor {@code dcb4j} with one indicator per provider
 * ({@code /actuator/health/dcb4j/<id>}, off with {@code management.health.dcb4j.enabled=false}), an info
 * contributor ({@code dcb4j} in {@code /actuator/info}: the version and each provider's capabilities), and a
 * sanitizing function that masks the providers' secrets in {@code /actuator/configprops} and
 * {@code /actuator/env} whatever {@code show-values} says.
 */
@AutoConfiguration(after = Dcb4jAutoConfiguration.class)
@ConditionalOnBean(BillingProviderRegistry.class)
public class Dcb4jActuatorAutoConfiguration {

    /** Created by Spring. */
    public Dcb4jActuatorAutoConfiguration() {
    }

    /** The health contributor, when Spring Boot's health support is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthContributor.class)
    @ConditionalOnEnabledHealthIndicator("dcb4j")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "dcb4jHealthContributor")
        HealthContributor dcb4jHealthContributor(BillingProviderRegistry providers, Dcb4jProperties properties) {
            Map<String, HealthContributor> indicators = new TreeMap<>();
            for (Map.Entry<String, BillingProvider> e : providers.asMap().entrySet()) {
                indicators.put(e.getKey(), new BillingProviderHealthIndicator(e.getValue(),
                        properties.health().probe(), properties.health().cacheTtl(), Clock.systemUTC()));
            }
            return CompositeHealthContributor.fromMap(indicators);
        }
    }

    /** The info contributor and the sanitizing function, when the actuator is on the class path. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class ActuatorConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "dcb4jInfoContributor")
        InfoContributor dcb4jInfoContributor(BillingProviderRegistry providers) {
            return builder -> {
                Map<String, Object> info = new LinkedHashMap<>();
                String version = BillingProvider.class.getPackage().getImplementationVersion();
                info.put("version", version == null ? "unknown" : version);
                Map<String, Object> byId = new TreeMap<>();
                providers.asMap().forEach((id, p) -> byId.put(id,
                        Map.of("capabilities", new TreeSet<>(p.capabilities()).stream().map(Enum::name).toList())));
                info.put("providers", byId);
                builder.withDetail("dcb4j", info);
            };
        }

        @Bean
        SanitizingFunction dcb4jSanitizingFunction() {
            return data -> ProviderKeys.isSecret(data.getKey()) ? data.withSanitizedValue() : data;
        }
    }
}
