/**
 * dcb4j's observer on Micrometer's Observation API. {@link io.dcb4j.micrometer.MicrometerObserver} gives each
 * operation, token fetch and callback an observation ({@code dcb.operation}, {@code dcb.token.fetch}, {@code
 * dcb.notification}) with low-cardinality key values (provider, operation, outcome, error type) for metrics and
 * the provider's request id as a high-cardinality one for traces; each retry is an event of the observation it
 * belongs to. The names and key values come from replaceable {@link io.micrometer.observation.ObservationConvention}s:
 * {@link io.dcb4j.micrometer.DefaultDcbOperationConvention}, {@link
 * io.dcb4j.micrometer.DefaultDcbTokenFetchConvention}, {@link io.dcb4j.micrometer.DefaultDcbNotificationConvention}.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *         .observer(MicrometerObserver.create(observationRegistry))
 *         .build();
 * }</pre>
 */
package io.dcb4j.micrometer;
