package io.dcb4j.camara.model;

/**
 * The answer to {@code POST /payments/{paymentId}/confirm}: {@code 202 Accepted} without a body, so the
 * result names the payment whose confirmation was accepted; its status becomes {@code succeeded} or
 * {@code denied} (query it, or wait for the event).
 *
 * @param paymentId the payment
 */
public record ConfirmationResult(String paymentId) {

    /**
     * Validates.
     *
     * @param paymentId required, not blank
     */
    public ConfirmationResult {
        if (paymentId == null || paymentId.isBlank()) {
            throw new IllegalArgumentException("payment id is required");
        }
    }

    /**
     * The components, with the texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
