package io.dcb4j.spring.internal;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.spring.BillingProviderRegistry;
import io.dcb4j.spring.Dcb4jProperties;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Registers one {@link BillingProvider} bean per configured provider, named {@code dcb4j.provider.<id>} and
 * qualified by the id ({@code @Qualifier("eklectic")}); each is the registry's provider, which the registry
 * closes. {@code dcb4j.primary} marks one as primary.
 */
public final class BillingProviderBeans implements ImportBeanDefinitionRegistrar, EnvironmentAware,
        BeanFactoryAware {

    /** The prefix of the bean names. */
    public static final String BEAN_NAME_PREFIX = "dcb4j.provider.";

    private Environment environment;
    private BeanFactory beanFactory;

    /** Created by Spring for the auto-configuration's {@code @Import}. */
    public BillingProviderBeans() {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Dcb4jProperties properties = Binder.get(environment).bindOrCreate("dcb4j", Dcb4jProperties.class);
        Set<String> ids = ProvidersFromProperties.enabledIds(properties.providers());
        String primary = properties.primary();
        if (primary != null && !primary.isBlank() && !ids.contains(primary.strip())) {
            throw new IllegalStateException("dcb4j.primary names '" + primary.strip()
                    + "', which is not a configured provider; configured: " + ids);
        }
        for (String id : ids) {
            RootBeanDefinition definition = new RootBeanDefinition(BillingProvider.class,
                    () -> beanFactory.getBean(BillingProviderRegistry.class).require(id));
            definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, id));
            definition.setPrimary(primary != null && id.equals(primary.strip()));
            definition.setDestroyMethodName(""); // the registry closes the providers
            registry.registerBeanDefinition(BEAN_NAME_PREFIX + id, definition);
        }
    }
}
