/**
 * The service provider interface for provider modules, wherever they are maintained: the factory found by {@link
 * java.util.ServiceLoader}, the client base {@link io.dcb4j.core.spi.ProviderClient}, the builder base {@link
 * io.dcb4j.core.spi.ProviderClientBuilder} and {@link io.dcb4j.core.spi.NeutralApi}. For provider modules; may
 * change in minor versions.
 */
package io.dcb4j.core.spi;
