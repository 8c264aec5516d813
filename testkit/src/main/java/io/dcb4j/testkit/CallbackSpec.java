package io.dcb4j.testkit;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;

/**
 * What a written callback says and how it is authenticated. Every component is optional: a {@link
 * CallbackWriter} fills what is missing with the simulator's samples and fresh ids.
 *
 * @param msisdn the subscriber, or null for the simulator's sample subscriber
 * @param offer the offer, product or service, or null for the simulator's sample offer
 * @param subscriptionId the subscription id, or null for a fresh one
 * @param chargeId the charge or transaction id, or null for a fresh one
 * @param amount the amount, or null for the offer's price
 * @param secret the shared secret the merchant put in its callback URL, or the HMAC key of a signing provider;
 *     null sends the callback without (as the provider does when none is configured)
 * @param secretParameter the query parameter of the shared secret, or null for {@code secret}
 */
public record CallbackSpec(Msisdn msisdn, OfferId offer, String subscriptionId, String chargeId, Money amount,
        String secret, String secretParameter) {

    /**
     * A callback about the samples, without a secret.
     *
     * @return the spec
     */
    public static CallbackSpec samples() {
        return new CallbackSpec(null, null, null, null, null, null, null);
    }

    /**
     * The same callback, authenticated with a secret.
     *
     * @param secret the shared secret or HMAC key, or null for none
     * @param parameter the shared secret's query parameter, or null for {@code secret}
     * @return the spec
     */
    public CallbackSpec withSecret(String secret, String parameter) {
        return new CallbackSpec(msisdn, offer, subscriptionId, chargeId, amount, secret, parameter);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "CallbackSpec[msisdn=" + msisdn + ", offer=" + offer + ", subscriptionId=" + subscriptionId
                + ", chargeId=" + chargeId + ", amount=" + amount + ", secret=" + (secret == null ? "none" : "***")
                + "]";
    }
}
