/**
 * dcb4j for the CAMARA Carrier Billing API: the typed client and the neutral {@code BillingProvider},
 * registered with {@code BillingProviders} as a service.
 */
module io.dcb4j.camara {
    requires transitive io.dcb4j.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.dcb4j.camara;
    exports io.dcb4j.camara.model;
    exports io.dcb4j.camara.notification;

    // wire DTOs are read and written by Jackson
    opens io.dcb4j.camara.internal to com.fasterxml.jackson.databind;

    provides io.dcb4j.core.spi.BillingProviderFactory with io.dcb4j.camara.CamaraProviderFactory;
}
