package io.dcb4j.centili.model;

import io.dcb4j.core.model.Msisdn;

/**
 * Who pays: the {@code userIdentifier} object of a transaction start. Every field is optional; Centili
 * identifies the subscriber from whatever is given (or from header enrichment in a WAP flow).
 *
 * @param country the ISO 3166 country code, or null
 * @param imsi the SIM's IMSI, or null (masked in {@link #toString()})
 * @param msisdn the subscriber's number, or null
 * @param operator the mobile operator's code, or null
 * @param identId an identification id from an earlier identification flow, or null
 */
public record UserIdentifier(String country, String imsi, Msisdn msisdn, String operator, String identId) {

    /**
     * A subscriber known by MSISDN only.
     *
     * @param msisdn the subscriber
     * @return the identifier
     */
    public static UserIdentifier ofMsisdn(Msisdn msisdn) {
        return new UserIdentifier(null, null, msisdn, null, null);
    }

    /** Never the full MSISDN or IMSI. */
    @Override
    public String toString() {
        String text = "UserIdentifier[country=" + country + ", imsi=" + (imsi == null ? null : Msisdn.mask(imsi))
                + ", msisdn=" + msisdn + ", operator=" + operator + ", identId=" + identId + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
