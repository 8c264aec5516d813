/**
 * dcb4j on Micrometer's Observation API: {@link io.dcb4j.micrometer.MicrometerObserver} turns what a dcb4j client
 * reports into the observations {@code dcb.operation}, {@code dcb.token.fetch} and {@code dcb.notification}, which
 * the registry's handlers make into metrics and traces.
 */
// Micrometer's jars are automatic modules; its types are in this module's API, so users need them readable
@SuppressWarnings("requires-transitive-automatic")
module io.dcb4j.micrometer {
    requires transitive io.dcb4j.core;
    requires transitive micrometer.observation;
    requires transitive micrometer.commons;

    exports io.dcb4j.micrometer;
}
