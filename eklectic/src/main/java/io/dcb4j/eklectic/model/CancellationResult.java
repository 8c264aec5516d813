package io.dcb4j.eklectic.model;

/**
 * Eklectic's answer to {@code DELETE /subscription/{id}}: any 2xx answer is a cancellation (the document shows
 * no body), so the result names the subscription that was cancelled.
 *
 * @param subscriptionId the cancelled subscription's id, as sent in the path
 */
public record CancellationResult(String subscriptionId) {

    /**
     * Validates.
     *
     * @param subscriptionId required, not blank
     */
    public CancellationResult {
        if (subscriptionId == null || subscriptionId.isBlank()) {
            throw new IllegalArgumentException("subscription id is required");
        }
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
