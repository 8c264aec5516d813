/**
 * dcb4j for the B2M AOC gateway: the typed client and the neutral {@code BillingProvider}, registered with
 * {@code BillingProviders} as a service.
 */
module io.dcb4j.b2maoc {
    requires transitive io.dcb4j.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.dcb4j.b2maoc;
    exports io.dcb4j.b2maoc.model;
    exports io.dcb4j.b2maoc.notification;

    // wire DTOs are read and written by Jackson
    opens io.dcb4j.b2maoc.internal to com.fasterxml.jackson.databind;

    provides io.dcb4j.core.spi.BillingProviderFactory with io.dcb4j.b2maoc.B2mAocProviderFactory;
}
