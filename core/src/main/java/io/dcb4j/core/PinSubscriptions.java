package io.dcb4j.core;

import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionResult;

/** Subscribing with a PIN that the provider sends to the subscriber by SMS. */
public interface PinSubscriptions {

    /**
     * Asks the provider to send a PIN.
     *
     * @param request who subscribes to what
     * @return the challenge to pass to {@link #confirmPin}; its next action says what the subscriber must do
     * @throws io.dcb4j.core.error.DcbException on failure
     */
    PinChallenge requestPin(SubscribeRequest request);

    /**
     * Confirms the PIN the subscriber typed and subscribes.
     *
     * @param challenge the challenge from {@link #requestPin}
     * @param pin the PIN; never logged
     * @return the subscription
     * @throws io.dcb4j.core.error.InvalidPinException when the PIN is wrong (the subscriber may retry)
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    SubscriptionResult confirmPin(PinChallenge challenge, String pin);
}
