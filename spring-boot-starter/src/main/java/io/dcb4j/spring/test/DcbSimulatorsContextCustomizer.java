package io.dcb4j.spring.test;

import io.dcb4j.core.notification.EventDeduplicator;
import io.dcb4j.testkit.Simulator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/** Starts the simulators, registers their properties and beans, and stops them with the context. */
final class DcbSimulatorsContextCustomizer implements ContextCustomizer {

    static final String PROPERTY_SOURCE = "dcb4jSimulators";
    private static final String WEB_SERVER_EVENT =
            "org.springframework.boot.web.server.context.WebServerInitializedEvent";

    private final List<String> ids;
    private final boolean deliverNotifications;

    DcbSimulatorsContextCustomizer(List<String> ids, boolean deliverNotifications) {
        this.ids = ids;
        this.deliverNotifications = deliverNotifications;
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        RunningSimulators running = RunningSimulators.start(ids);
        Map<String, Object> properties = new LinkedHashMap<>(running.properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
        ConfigurableListableBeanFactory beans = context.getBeanFactory();
        beans.registerSingleton("dcb4jRunningSimulators", running);
        if (beans instanceof BeanDefinitionRegistry registry) {
            // a fallback: an EventDeduplicator the application declares wins
            RootBeanDefinition claims = new RootBeanDefinition(EventDeduplicator.class, running::deduplicator);
            claims.setFallback(true);
            registry.registerBeanDefinition("dcb4jSimulatorsEventDeduplicator", claims);
        }
        for (String id : running.ids()) {
            Simulator simulator = running.get(id);
            beans.registerSingleton("dcb4jSimulator." + id, simulator);
        }
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> {
            if (event.getApplicationContext() == context) {
                running.close();
            }
        });
        if (deliverNotifications && ClassUtils.isPresent(WEB_SERVER_EVENT, context.getClassLoader())) {
            context.addApplicationListener(new DeliverToWebhook(running));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DcbSimulatorsContextCustomizer c && c.ids.equals(ids)
                && c.deliverNotifications == deliverNotifications;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, deliverNotifications);
    }
}
