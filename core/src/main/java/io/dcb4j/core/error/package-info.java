/**
 * The exception tree: every failure is a {@link io.dcb4j.core.error.DcbException} subtype saying whether a retry
 * may help, with the provider, operation, HTTP status, provider code and message (cleaned of control characters
 * and secrets) and the reference to reconcile.
 */
package io.dcb4j.core.error;
