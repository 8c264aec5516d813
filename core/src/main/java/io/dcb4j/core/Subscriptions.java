package io.dcb4j.core;

import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;

/** Existing subscriptions: status, cancel, renew. */
public interface Subscriptions {

    /**
     * The subscription's state.
     *
     * @param subscription the subscription
     * @return what the provider says
     * @throws UnsupportedOperationException when the provider lacks {@link Capability#SUBSCRIPTION_STATUS}
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     */
    SubscriptionInfo status(SubscriptionRef subscription);

    /**
     * Cancels the subscription.
     *
     * @param subscription the subscription
     * @return the outcome
     * @throws UnsupportedOperationException when the provider lacks {@link Capability#CANCEL}
     */
    CancelResult cancel(SubscriptionRef subscription);

    /**
     * Renews the subscription now.
     *
     * @param subscription the subscription
     * @return the outcome, with the reference to use from now on
     * @throws UnsupportedOperationException when the provider lacks {@link Capability#RENEW}
     */
    RenewResult renew(SubscriptionRef subscription);
}
