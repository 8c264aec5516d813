package io.dcb4j.spring.test;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Points the simulators at the application's callback endpoint once the main web server has its port, when the
 * endpoint is on.
 */
final class DeliverToWebhook implements ApplicationListener<WebServerInitializedEvent> {

    private final RunningSimulators simulators;

    DeliverToWebhook(RunningSimulators simulators) {
        this.simulators = simulators;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return; // the management server
        }
        Environment env = event.getApplicationContext().getEnvironment();
        if (!env.getProperty("dcb4j.webhook.enabled", Boolean.class, false)) {
            return;
        }
        String contextPath = env.getProperty("server.servlet.context-path", "");
        String path = env.getProperty("dcb4j.webhook.path", "/dcb4j/notifications");
        simulators.deliverNotificationsTo("http://127.0.0.1:" + event.getWebServer().getPort()
                + (contextPath.endsWith("/") ? contextPath.substring(0, contextPath.length() - 1) : contextPath)
                + path);
    }
}
