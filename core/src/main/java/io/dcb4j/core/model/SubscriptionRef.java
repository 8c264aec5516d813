package io.dcb4j.core.model;

import java.util.Optional;

/**
 * What identifies a subscription at a provider. Depending on the provider this is an id alone (Eklectic
 * subscription id, Centili transaction id), an id with the subscriber's MSISDN (B2M {@code spTransID},
 * Infomedia {@code sid}), or only the MSISDN and the offer when the id is not known yet (Eklectic finds
 * it).
 *
 * @param id the provider's subscription id, or null when only MSISDN and offer are known
 * @param msisdn the subscriber, or null
 * @param offer the offer, or null
 */
public record SubscriptionRef(String id, Msisdn msisdn, OfferId offer) {

    /**
     * Validates that the reference identifies something.
     *
     * @param id the id, or null
     * @param msisdn the MSISDN, or null
     * @param offer the offer, or null
     */
    public SubscriptionRef {
        if ((id == null || id.isBlank()) && msisdn == null) {
            throw new IllegalArgumentException("a subscription reference needs an id or an MSISDN");
        }
        if (id != null && id.isBlank()) {
            id = null;
        }
    }

    /**
     * A reference by id.
     *
     * @param id the provider's subscription id
     * @return the reference
     */
    public static SubscriptionRef of(String id) {
        return new SubscriptionRef(id, null, null);
    }

    /**
     * A reference by id and subscriber.
     *
     * @param id the provider's subscription id
     * @param msisdn the subscriber
     * @return the reference
     */
    public static SubscriptionRef of(String id, Msisdn msisdn) {
        return new SubscriptionRef(id, msisdn, null);
    }

    /**
     * A reference by subscriber and offer, for providers that can look the id up.
     *
     * @param msisdn the subscriber
     * @param offer the offer
     * @return the reference
     */
    public static SubscriptionRef of(Msisdn msisdn, OfferId offer) {
        return new SubscriptionRef(null, msisdn, offer);
    }

    /**
     * The id, when known.
     *
     * @return the id
     */
    public Optional<String> idIfKnown() {
        return Optional.ofNullable(id);
    }

    /**
     * The subscriber, when known.
     *
     * @return the MSISDN
     */
    public Optional<Msisdn> msisdnIfKnown() {
        return Optional.ofNullable(msisdn);
    }

    /**
     * The offer, when known.
     *
     * @return the offer
     */
    public Optional<OfferId> offerIfKnown() {
        return Optional.ofNullable(offer);
    }

    /**
     * A copy with another id (B2M rotates {@code spTransID} on renew).
     *
     * @param newId the new id
     * @return the new reference
     */
    public SubscriptionRef withId(String newId) {
        return new SubscriptionRef(newId, msisdn, offer);
    }

    /** Never the full MSISDN. */
    @Override
    public String toString() {
        return "SubscriptionRef[id=" + io.dcb4j.core.spi.support.Redaction.printable(id) + ", msisdn=" + msisdn
                + ", offer=" + offer + "]";
    }
}
