package io.dcb4j.spring.webhook;

import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.spring.BillingProviderRegistry;
import io.dcb4j.spring.Dcb4jAutoConfiguration;
import io.dcb4j.spring.Dcb4jProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Maps the {@link NotificationEndpoint} in Spring MVC applications when {@code dcb4j.webhook.enabled=true},
 * with an in-memory {@link EventDeduplicator} unless the application declares one.
 */
@AutoConfiguration(after = Dcb4jAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBooleanProperty("dcb4j.webhook.enabled")
@ConditionalOnBean(BillingProviderRegistry.class)
public class Dcb4jWebhookAutoConfiguration {

    /** Created by Spring. */
    public Dcb4jWebhookAutoConfiguration() {
    }

    @Bean
    @ConditionalOnMissingBean
    EventDeduplicator dcb4jEventDeduplicator(Dcb4jProperties properties) {
        Dcb4jProperties.Deduplication d = properties.webhook().deduplication();
        return EventDeduplicator.inMemory(d.maxEntries(), d.ttl());
    }

    @Bean
    @ConditionalOnMissingBean
    NotificationEndpoint dcb4jNotificationEndpoint(BillingProviderRegistry providers,
            EventDeduplicator deduplicator, ApplicationEventPublisher publisher, Dcb4jProperties properties) {
        return new NotificationEndpoint(providers, deduplicator, publisher,
                properties.webhook().maxBodySize().toBytes());
    }
}
