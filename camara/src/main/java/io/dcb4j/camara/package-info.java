/**
 * The CAMARA Carrier Billing client (the operators' standard of the GSMA Open Gateway, release r3.2: Carrier
 * Billing v0.5 and Carrier Billing Refund v0.3): payments in one step or in two (prepare, validate with a
 * code, confirm or cancel), listings, refunds and the remaining amount, with two-legged (client credentials)
 * or three-legged ({@link io.dcb4j.camara.SubscriberTokens}) access. Start with {@link
 * io.dcb4j.camara.CamaraClient#builder()} or {@code BillingProviders.create("camara", config)} (see {@link
 * io.dcb4j.camara.CamaraProviderFactory}).
 */
package io.dcb4j.camara;
