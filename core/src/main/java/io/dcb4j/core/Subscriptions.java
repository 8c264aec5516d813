package io.dcb4j.core;

import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;

/**
 * The state of existing subscriptions, present exactly when the provider supports {@link
 * Capability#SUBSCRIPTION_STATUS}. Cancelling and renewing are their own parts ({@link Cancellations},
 * {@link Renewals}), so that a present part never refuses its one operation.
 */
public interface Subscriptions {

    /**
     * The subscription's state.
     *
     * @param subscription the subscription
     * @return what the provider says
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    SubscriptionInfo status(SubscriptionRef subscription);
}
