package io.dcb4j.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts the testkit simulators of the named providers before a Spring test's application context, and
 * registers their URLs and credentials as {@code dcb4j.providers.<id>.*} properties, so that the starter
 * builds its providers against them:
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "dcb4j.webhook.enabled=true")
 * @DcbSimulators({"eklectic", "centili"})
 * class CheckoutTest {
 *     @Autowired RunningSimulators simulators;
 *     @Autowired @Qualifier("eklectic") BillingProvider eklectic;
 *     ...
 * }
 * }</pre>
 *
 * The simulators live as long as the context (Spring's test context cache shares both between test classes
 * with the same configuration) and are closed with it. They are beans: {@link RunningSimulators}, and each
 * simulator under its concrete type ({@code EklecticSimulator}). With {@link #deliverNotifications()} and the
 * callback endpoint on ({@code dcb4j.webhook.enabled=true}), the simulators deliver their callbacks to the
 * application's endpoint once its web server is started. State carries over between tests: call {@link
 * RunningSimulators#resetAll()} where a test needs a clean simulator. The endpoint's de-duplication is then
 * {@link RunningSimulators#deduplicator()}, which {@code resetAll()} empties too (a reset simulator starts its
 * ids again), unless the application declares its own {@code EventDeduplicator}.
 *
 * <p>Needs {@code dcb4j-testkit} and {@code spring-boot-starter-test} on the test class path.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DcbSimulators {

    /**
     * The provider ids whose simulators start, for example {@code eklectic}.
     *
     * @return the ids
     */
    String[] value();

    /**
     * Whether the simulators deliver their callbacks by HTTP to the application's callback endpoint, when it
     * is on and a web server runs.
     *
     * @return true by default
     */
    boolean deliverNotifications() default true;
}
