/**
 * Provider callbacks: the inbound request, the neutral {@link io.dcb4j.core.notification.BillingEvent},
 * authenticity checks (shared secrets, HMAC signatures, source allow-lists) and de-duplication.
 */
package io.dcb4j.core.notification;
