package io.dcb4j.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts a provider simulator once per test class and injects it, and a ready neutral client, into test
 * methods, constructors and lifecycle methods:
 *
 * <pre>{@code
 * @DcbSimulator("eklectic")
 * class CheckoutTest {
 *     @Test
 *     void subscribes(Simulator sim, BillingProvider client) { ... }
 * }
 * }</pre>
 *
 * Parameters of type {@link Simulator} (or the concrete simulator class) and {@link
 * io.dcb4j.core.BillingProvider} are resolved. The simulator's state is reset before each test unless
 * {@link #resetBetweenTests()} is false.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DcbSimulatorExtension.class)
public @interface DcbSimulator {

    /**
     * The provider id, for example {@code centili}.
     *
     * @return the id
     */
    String value();

    /**
     * Whether to reset the simulator before each test.
     *
     * @return true by default
     */
    boolean resetBetweenTests() default true;
}
