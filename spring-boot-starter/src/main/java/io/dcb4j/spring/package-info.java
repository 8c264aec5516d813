/**
 * Spring Boot auto-configuration for dcb4j: the {@code dcb4j.*} properties, one {@code BillingProvider} bean per
 * configured provider (qualified by its id), the {@link io.dcb4j.spring.BillingProviderRegistry} and the
 * {@link io.dcb4j.spring.ClientOptionsCustomizer} hook.
 */
package io.dcb4j.spring;
