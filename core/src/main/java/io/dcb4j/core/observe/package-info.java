/**
 * Observability: the {@link io.dcb4j.core.observe.DcbObserver} a client is given through {@link
 * io.dcb4j.core.ClientOptions.Builder#observer}, told about every operation, retry, token request and callback,
 * and the immutable events it receives. No event carries a secret, a PIN, a token or a full MSISDN. The
 * {@code dcb4j-micrometer} module implements the observer on Micrometer's Observation API.
 */
package io.dcb4j.core.observe;
