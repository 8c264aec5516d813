/**
 * CAMARA Carrier Billing's typed requests and answers: payments (one or two steps), their validation
 * information, listings and pages, refunds and the remaining amount of a payment.
 */
package io.dcb4j.camara.model;
