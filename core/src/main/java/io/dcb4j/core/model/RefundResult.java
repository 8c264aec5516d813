package io.dcb4j.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * The state of a refund, as answered by a refund request or a status query.
 *
 * @param refund the reference to query later
 * @param state the neutral state
 * @param rawState the provider's own status text, kept as received, or null
 * @param amount the amount refunded or to be refunded, or null when the provider did not say (a whole-charge
 *     refund often names none)
 * @param details provider fields kept for diagnostics; never null
 */
public record RefundResult(
        RefundRef refund,
        RefundState state,
        String rawState,
        Money amount,
        Map<String, String> details) {

    /**
     * Validates and copies.
     *
     * @param refund required
     * @param state required
     * @param rawState optional
     * @param amount optional
     * @param details optional, copied
     */
    public RefundResult {
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(state, "state");
        details = Copies.of(details);
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
