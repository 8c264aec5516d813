package io.dcb4j.infomedia.model;

import java.util.Objects;

/**
 * The {@code conf} object of a join answer: the outcome of the immediate charge, when one was made.
 *
 * @param status the {@code conf.status} field ({@code Success} when billed), or null
 * @param description the {@code conf.description} field, split ({@code "00 - Payment has been made"})
 * @param portedMcc the {@code conf.portedMcc} field (MCC of the network the number was ported to), or null
 * @param portedMnc the {@code conf.portedMnc} field, or null
 */
public record PaymentConfirmation(String status, StatusDescription description, String portedMcc, String portedMnc) {

    /**
     * Validates.
     *
     * @param status optional
     * @param description required, its parts possibly null
     * @param portedMcc optional
     * @param portedMnc optional
     */
    public PaymentConfirmation {
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether the payment went through ({@code status} is {@code Success}, any case).
     *
     * @return true when billed
     */
    public boolean isSuccess() {
        return status != null && status.strip().equalsIgnoreCase("Success");
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
