/**
 * Parsing Centili's payment-result notifications into typed {@link
 * io.dcb4j.centili.notification.PaymentNotification}s and neutral {@link
 * io.dcb4j.core.notification.BillingEvent}s.
 */
package io.dcb4j.centili.notification;
