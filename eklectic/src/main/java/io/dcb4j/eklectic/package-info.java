/**
 * The Eklectic (Tunisia) direct carrier billing client: OTP subscriptions, subscriber status,
 * unsubscription and partner-URL notifications. Start with {@link io.dcb4j.eklectic.EklecticClient#builder()}
 * or {@code BillingProviders.create("eklectic", config)} (see {@link io.dcb4j.eklectic.EklecticProviderFactory}).
 */
package io.dcb4j.eklectic;
