/**
 * The provider-neutral API: {@link io.dcb4j.core.BillingProvider} and its parts (PIN subscriptions, charges,
 * subscription status, cancellations, renewals, callback parsing), capabilities, client options, retry policy and
 * the configuration-driven registry.
 */
package io.dcb4j.core;
