/**
 * dcb4j core: the provider-neutral API, value types, errors, tokens and notifications, and the SPI for
 * provider modules ({@code io.dcb4j.core.spi} and its sub-packages: the HTTP transport, JSON reading, text
 * and number helpers, and the client and builder bases). The SPI is for provider modules, wherever they are
 * maintained; it may change in minor versions. Nothing in {@code io.dcb4j.core.internal} is exported.
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
    exports io.dcb4j.core.observe;
    exports io.dcb4j.core.token;
    exports io.dcb4j.core.journal;
    exports io.dcb4j.core.spi;
    exports io.dcb4j.core.spi.http;
    exports io.dcb4j.core.spi.json;
    exports io.dcb4j.core.spi.support;

    uses io.dcb4j.core.spi.BillingProviderFactory;
}
