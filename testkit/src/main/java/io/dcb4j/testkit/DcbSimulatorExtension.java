package io.dcb4j.testkit;

import io.dcb4j.core.BillingProvider;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The JUnit 5 extension behind {@link DcbSimulator}. */
public final class DcbSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DcbSimulatorExtension.class);

    /** Creates the extension; JUnit does. */
    public DcbSimulatorExtension() {
    }

    /** Holds the simulator and its client for one test class; JUnit closes it after the class. */
    private record Running(Simulator simulator, BillingProvider client)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            try {
                client.close();
            } finally {
                simulator.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        DcbSimulator annotation = annotation(context);
        if (annotation.resetBetweenTests()) {
            running(context).simulator().reset();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return Simulator.class.isAssignableFrom(type) || type == BillingProvider.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        Running r = running(extensionContext);
        if (type == BillingProvider.class) {
            return r.client();
        }
        if (type.isInstance(r.simulator())) {
            return r.simulator();
        }
        throw new ParameterResolutionException("the " + r.simulator().providerId() + " simulator is not a "
                + type.getSimpleName());
    }

    private static DcbSimulator annotation(ExtensionContext context) {
        Class<?> cls = context.getRequiredTestClass();
        while (cls != null) {
            DcbSimulator a = cls.getAnnotation(DcbSimulator.class);
            if (a != null) {
                return a;
            }
            cls = cls.getEnclosingClass();
        }
        throw new IllegalStateException("@DcbSimulator missing on " + context.getRequiredTestClass().getName());
    }

    private static Running running(ExtensionContext context) {
        DcbSimulator annotation = annotation(context);
        ExtensionContext root = context;
        while (root.getParent().isPresent() && root.getParent().get().getTestClass().isPresent()) {
            root = root.getParent().get();
        }
        return root.getStore(NS).getOrComputeIfAbsent(annotation.value(), id -> {
            Simulator sim = Simulators.start(id);
            try {
                return new Running(sim, sim.newClient());
            } catch (RuntimeException e) {
                sim.close();
                throw e;
            }
        }, Running.class);
    }
}
