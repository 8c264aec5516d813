/**
 * dcb4j core: the provider-neutral API, value types, errors, tokens and notifications. The internal HTTP
 * and JSON plumbing is exported only to the dcb4j provider modules and the testkit.
 */
module io.dcb4j.core {
    requires transitive okhttp3;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports io.dcb4j.core;
    exports io.dcb4j.core.error;
    exports io.dcb4j.core.model;
    exports io.dcb4j.core.notification;
    exports io.dcb4j.core.spi;
    exports io.dcb4j.core.token;
    exports io.dcb4j.core.internal to io.dcb4j.eklectic, io.dcb4j.infomedia, io.dcb4j.eclipsevas, io.dcb4j.centili, io.dcb4j.b2maoc, io.dcb4j.testkit;
    exports io.dcb4j.core.internal.http to io.dcb4j.eklectic, io.dcb4j.infomedia, io.dcb4j.eclipsevas, io.dcb4j.centili, io.dcb4j.b2maoc, io.dcb4j.testkit;

    uses io.dcb4j.core.spi.BillingProviderFactory;
}
