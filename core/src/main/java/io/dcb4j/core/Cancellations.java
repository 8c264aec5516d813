package io.dcb4j.core;

import io.dcb4j.core.model.CancelResult;
import io.dcb4j.core.model.SubscriptionRef;

/** Cancelling subscriptions, present exactly when the provider supports {@link Capability#CANCEL}. */
public interface Cancellations {

    /**
     * Cancels the subscription.
     *
     * @param subscription the subscription
     * @return the outcome
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    CancelResult cancel(SubscriptionRef subscription);
}
