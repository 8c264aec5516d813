/**
 * dcb4j for EclipseVas: the typed client and the neutral {@code BillingProvider}, registered with
 * {@code BillingProviders} as a service.
 */
module io.dcb4j.eclipsevas {
    requires transitive io.dcb4j.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.dcb4j.eclipsevas;
    exports io.dcb4j.eclipsevas.model;
    exports io.dcb4j.eclipsevas.notification;

    // wire DTOs are read and written by Jackson
    opens io.dcb4j.eclipsevas.internal to com.fasterxml.jackson.databind;

    provides io.dcb4j.core.spi.BillingProviderFactory with io.dcb4j.eclipsevas.EclipseVasProviderFactory;
}
