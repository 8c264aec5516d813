package io.dcb4j.examples.shop;

import io.dcb4j.spring.test.RunningSimulators;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * A shop that sells a daily games pass billed to the phone: the product page, a subscription with the phone
 * number and the PIN the operator sends by SMS, its status, cancelling it, and the provider's callbacks on
 * the page. dcb4j comes from the Spring Boot starter; the shop itself only injects {@code BillingProvider}s.
 *
 * <p>Run it from the repository root with {@code mvn -B -q -DskipTests package} then {@code java -jar
 * examples/shop/target/dcb4j-example-shop-<version>.jar}, and open {@code http://localhost:8080/}. By default it starts the simulators named by {@code SHOP_SIMULATORS} (default {@code eklectic,centili}) and
 * points the starter at them, with a demo phone on the page that shows the SMS; {@code SHOP_SIMULATORS=none}
 * uses the {@code dcb4j.providers.*} properties of a real account instead.
 */
@SpringBootApplication
public class ShopApplication {

    /** The simulators of the demo when {@code SHOP_SIMULATORS} is not set. */
    public static final String DEFAULT_SIMULATORS = "eklectic,centili";

    /** Created by Spring. */
    public ShopApplication() {
    }

    /**
     * Starts the shop.
     *
     * @param args Spring Boot arguments, for example {@code --server.port=8080}
     */
    public static void main(String[] args) {
        start(System.getenv().getOrDefault("SHOP_SIMULATORS", DEFAULT_SIMULATORS), args);
    }

    /**
     * Starts the shop, with the simulators of a demo run.
     *
     * @param simulators comma-separated provider ids, or {@code none} for the configured real providers
     * @param args Spring Boot arguments
     * @return the running application
     */
    public static ConfigurableApplicationContext start(String simulators, String... args) {
        SpringApplication app = new SpringApplication(ShopApplication.class);
        List<String> ids = Arrays.stream(simulators.split(",")).map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("none")).toList();
        if (!ids.isEmpty()) {
            RunningSimulators running = RunningSimulators.start(ids);
            Map<String, Object> defaults = new LinkedHashMap<>(running.properties());
            defaults.put("dcb4j.webhook.enabled", "true");
            app.setDefaultProperties(defaults);
            app.addInitializers(context -> {
                context.getBeanFactory().registerSingleton("shopSimulators", running);
                context.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> running.close());
                context.addApplicationListener((ApplicationListener<WebServerInitializedEvent>) e -> {
                    if (e.getApplicationContext().getServerNamespace() == null) {
                        // the simulators call the starter's callback endpoint, as the providers would
                        running.deliverNotificationsTo("http://127.0.0.1:" + e.getWebServer().getPort()
                                + e.getApplicationContext().getEnvironment().getProperty("dcb4j.webhook.path",
                                "/dcb4j/notifications"));
                    }
                });
            });
        }
        return app.run(args);
    }
}
