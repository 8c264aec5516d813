package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The body of {@code SubscriptionUnsubscribe}: {@code {sid, mx, mcc, mnc, u, p}}; the client adds the
 * credentials.
 *
 * @param sid the service id from the join answer ({@code sid}; the product id when the answer had none)
 * @param msisdn the subscriber ({@code mx})
 * @param mcc the mobile country code, or null for the client's default
 * @param mnc the mobile network code, or null for the client's default
 */
public record UnsubscribeRequest(String sid, Msisdn msisdn, String mcc, String mnc) {

    /**
     * Validates.
     *
     * @param sid required, not blank
     * @param msisdn required
     * @param mcc optional, digits
     * @param mnc optional, digits
     * @throws IllegalArgumentException when a value is invalid
     */
    public UnsubscribeRequest {
        if (sid == null || sid.isBlank()) {
            throw new IllegalArgumentException("sid is required");
        }
        Objects.requireNonNull(msisdn, "msisdn");
        if (mcc != null && !mcc.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("mcc must be one to three digits");
        }
        if (mnc != null && !mnc.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("mnc must be one to three digits");
        }
    }

    /**
     * A request on the client's default network.
     *
     * @param sid the service id
     * @param msisdn the subscriber
     * @return the request
     */
    public static UnsubscribeRequest of(String sid, Msisdn msisdn) {
        return new UnsubscribeRequest(sid, msisdn, null, null);
    }
}
