/**
 * Parsing what the B2M AOC gateway sends back to the service: the browser return after the consent page and
 * the subscription callback, with {@link io.dcb4j.b2maoc.notification.B2mAocNotificationParser}.
 */
package io.dcb4j.b2maoc.notification;
