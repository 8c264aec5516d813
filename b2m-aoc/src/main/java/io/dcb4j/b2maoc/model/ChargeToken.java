package io.dcb4j.b2maoc.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The answer to {@code getToken}: the transaction the subscriber must now approve on the Robi consent page.
 *
 * @param aocTransId the gateway's transaction id ({@code aocTransID}): use it for the consent URL and for
 *     {@code chargeStatus}
 * @param spTransId the service-provider transaction id ({@code spTransID}): the subscription id for
 *     {@code subscriptionStatus}, {@code cancelSubscription} and {@code renewSubscription}; null when the
 *     gateway sent none
 * @param redirectUrl the {@code redirectURL} the gateway answered, as received, or null
 * @param consentUrl where to send the subscriber's browser: {@code redirectUrl} when the gateway gave an
 *     absolute http(s) URL, else {@code <base>/api/redirect/<aocTransID>}
 * @param keyword the service keyword the token was requested for
 * @param msisdn the subscriber
 * @param message the envelope's {@code message}, or null
 */
public record ChargeToken(
        AocTransactionId aocTransId,
        SpTransactionId spTransId,
        String redirectUrl,
        String consentUrl,
        String keyword,
        Msisdn msisdn,
        String message) {

    /**
     * Validates.
     *
     * @param aocTransId required
     * @param spTransId optional
     * @param redirectUrl optional
     * @param consentUrl required
     * @param keyword required
     * @param msisdn required
     * @param message optional
     */
    public ChargeToken {
        Objects.requireNonNull(aocTransId, "aocTransId");
        Objects.requireNonNull(consentUrl, "consentUrl");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(msisdn, "msisdn");
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
