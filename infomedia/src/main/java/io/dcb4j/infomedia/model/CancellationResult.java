package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The result of a cancellation: the answer to {@code SubscriptionUnsubscribe} ({@code "00 - User has been
 * unsubscribed"}). Only successful answers are returned as this record; refusals become exceptions.
 *
 * @param status the {@code status} field as received, normally {@code Success}
 * @param description the {@code description} field, split
 * @param sid the {@code sid} field, or null: Infomedia may send it empty
 * @param msisdn the {@code mx} field as an MSISDN, or null when absent or not a phone number
 * @param mcc the {@code mcc} field as received, or null
 * @param mnc the {@code mnc} field as received, or null
 */
public record CancellationResult(
        String status,
        StatusDescription description,
        String sid,
        Msisdn msisdn,
        String mcc,
        String mnc) {

    /**
     * Validates and normalises.
     *
     * @param status optional
     * @param description required
     * @param sid optional; blank becomes null
     * @param msisdn optional
     * @param mcc optional
     * @param mnc optional
     */
    public CancellationResult {
        Objects.requireNonNull(description, "description");
        sid = sid == null || sid.isBlank() ? null : sid;
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
