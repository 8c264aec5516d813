/**
 * The Centili direct carrier billing client ({@link io.dcb4j.centili.CentiliClient}) and its
 * {@link io.dcb4j.core.spi.BillingProviderFactory} ({@code "centili"}).
 */
package io.dcb4j.centili;
