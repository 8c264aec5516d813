package io.dcb4j.centili.model;

/**
 * Centili's answer to a PIN submission ("PIN correct"). A release answers {@link CancellationResult}.
 *
 * @param transactionId the transaction's id
 * @param clientData the merchant's data echoed back, or null
 * @param idempotencyKey the {@code Idempotency-Key} the call was sent with
 */
public record TransactionUpdate(String transactionId, ClientData clientData, String idempotencyKey) {

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
