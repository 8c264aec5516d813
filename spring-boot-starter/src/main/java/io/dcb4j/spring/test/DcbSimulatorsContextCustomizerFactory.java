package io.dcb4j.spring.test;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/** Finds {@link DcbSimulators} on a test class (or an enclosing class) for Spring's test context framework. */
final class DcbSimulatorsContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        DcbSimulators annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass, DcbSimulators.class);
        if (annotation == null) {
            return null;
        }
        return new DcbSimulatorsContextCustomizer(List.copyOf(new TreeSet<>(Arrays.asList(annotation.value()))),
                annotation.deliverNotifications());
    }
}
