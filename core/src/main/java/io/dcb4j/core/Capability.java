package io.dcb4j.core;

/** What a provider can do through the neutral API. */
public enum Capability {
    /** Subscribe with a PIN sent by SMS: {@link BillingProvider#pinSubscriptions()}. */
    PIN_SUBSCRIPTION,
    /** Charge once: {@link Charges#charge}. */
    ONE_OFF_CHARGE,
    /** Query a charge: {@link Charges#status}. */
    CHARGE_STATUS,
    /** Query a subscription: {@link Subscriptions#status}. */
    SUBSCRIPTION_STATUS,
    /** Cancel a subscription: {@link Subscriptions#cancel}. */
    CANCEL,
    /** Renew a subscription on the merchant's initiative: {@link Subscriptions#renew}. */
    RENEW,
    /** List what can be sold (provider-specific API). */
    CATALOG,
    /** Parse the provider's callbacks: {@link BillingProvider#notifications()}. */
    NOTIFICATIONS
}
