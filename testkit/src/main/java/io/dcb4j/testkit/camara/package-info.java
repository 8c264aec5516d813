/**
 * The CAMARA Carrier Billing simulator: payments in one or two steps, validation codes, expiring
 * reservations, refunds with remaining amounts and CloudEvents notifications, on loopback.
 */
package io.dcb4j.testkit.camara;
