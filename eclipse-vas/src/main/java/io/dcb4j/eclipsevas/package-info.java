/**
 * The Eclipse (Ukheshe) VAS provider: {@link io.dcb4j.eclipsevas.EclipseVasClient} offers the typed VAS API
 * (MSISDN network look-up, catalogue and catalogue queries, bill look-ups, payments) and the neutral
 * {@link io.dcb4j.core.BillingProvider} API; {@link io.dcb4j.eclipsevas.EclipseVasProviderFactory} registers
 * it as {@code eclipse-vas}.
 */
package io.dcb4j.eclipsevas;
