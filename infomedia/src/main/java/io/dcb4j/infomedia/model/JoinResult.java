package io.dcb4j.infomedia.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Objects;

/**
 * The answer to {@code SubscriptionJoinWithParams}: the PIN was right and the subscriber is subscribed.
 * Only successful answers are returned as this record; refusals (wrong PIN, already subscribed ...)
 * become exceptions.
 *
 * @param status the {@code status} field as received, normally {@code Success}
 * @param description the {@code description} field split into code and text ({@code 00}, {@code 23})
 * @param sid the {@code sid} field: Infomedia's service id, needed to unsubscribe; null when absent or
 *     empty (the client then falls back to the product id)
 * @param msisdn the {@code mx} field as an MSISDN, or null when absent or not a phone number
 * @param mcc the {@code mcc} field as received ({@code 424})
 * @param mnc the {@code mnc} field as received; Infomedia drops the leading zero ({@code 2} for {@code 02})
 * @param subscribed {@code user.subscribed} ({@code "True"}/{@code "False"} on the wire), or null when absent
 * @param suspended {@code user.suspended} ({@code "True"}/{@code "False"} on the wire), or null when absent
 * @param txid the {@code txid} field: the id of the immediate charge, or null (free period, reactivation)
 * @param confirmation the {@code conf} object, or null when it is absent or all its fields are null (no
 *     charge was made)
 * @param outcome which documented outcome this is
 */
public record JoinResult(
        String status,
        StatusDescription description,
        String sid,
        Msisdn msisdn,
        String mcc,
        String mnc,
        Boolean subscribed,
        Boolean suspended,
        String txid,
        PaymentConfirmation confirmation,
        JoinOutcome outcome) {

    /**
     * Validates and normalises.
     *
     * @param status optional
     * @param description required
     * @param sid optional; blank becomes null
     * @param msisdn optional
     * @param mcc optional
     * @param mnc optional
     * @param subscribed optional
     * @param suspended optional
     * @param txid optional; blank becomes null
     * @param confirmation optional
     * @param outcome required
     */
    public JoinResult {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(outcome, "outcome");
        sid = sid == null || sid.isBlank() ? null : sid;
        txid = txid == null || txid.isBlank() ? null : txid;
    }

    /**
     * Whether this subscription was reactivated (description code {@code 23}).
     *
     * @return true for {@link JoinOutcome#REACTIVATED}
     */
    public boolean reactivated() {
        return outcome == JoinOutcome.REACTIVATED;
    }

    /**
     * Whether the subscriber was billed at once.
     *
     * @return true for {@link JoinOutcome#CHARGED}
     */
    public boolean charged() {
        return outcome == JoinOutcome.CHARGED;
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
