/**
 * Parsing of CAMARA's CloudEvents 1.0 notifications (payment and refund events, {@code
 * application/cloudevents+json}) delivered to the merchant's sink.
 */
package io.dcb4j.camara.notification;
