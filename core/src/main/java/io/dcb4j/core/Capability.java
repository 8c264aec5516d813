package io.dcb4j.core;

/**
 * What a provider can do through the neutral API. Each capability has its accessor on {@link BillingProvider},
 * present exactly when the capability is supported; what a provider offers beyond the neutral API (a
 * catalogue, lookups, listings) is in its typed client.
 */
public enum Capability {
    /** Subscribe with a PIN sent by SMS: {@link BillingProvider#pinSubscriptions()}. */
    PIN_SUBSCRIPTION,
    /** Charge once: {@link Charges#charge}; always together with {@link #CHARGE_STATUS}. */
    ONE_OFF_CHARGE,
    /** Query a charge: {@link Charges#status}; always together with {@link #ONE_OFF_CHARGE}. */
    CHARGE_STATUS,
    /**
     * Confirm a charge that waits for the merchant (a reserved two-step charge, or one that waits for the code
     * the subscriber received): {@link BillingProvider#chargeConfirmations()}.
     */
    CONFIRM_CHARGE,
    /** Cancel (release) a charge that is not billed yet: {@link BillingProvider#chargeCancellations()}. */
    CANCEL_CHARGE,
    /** Refund a billed charge, wholly or in part, and query the refund: {@link BillingProvider#refunds()}. */
    REFUND,
    /** Query a subscription: {@link Subscriptions#status}. */
    SUBSCRIPTION_STATUS,
    /** Cancel a subscription: {@link BillingProvider#cancellations()}. */
    CANCEL,
    /** Renew a subscription on the merchant's initiative: {@link BillingProvider#renewals()}. */
    RENEW,
    /** Parse the provider's callbacks: {@link BillingProvider#notifications()}. */
    NOTIFICATIONS
}
