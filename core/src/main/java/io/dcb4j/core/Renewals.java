package io.dcb4j.core;

import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionRef;

/**
 * Renewing subscriptions on the merchant's initiative, present exactly when the provider supports {@link
 * Capability#RENEW}. Providers that renew on their own report renewals by callback instead.
 */
public interface Renewals {

    /**
     * Renews the subscription now.
     *
     * @param subscription the subscription
     * @return the outcome, with the reference to use from now on
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    RenewResult renew(SubscriptionRef subscription);
}
