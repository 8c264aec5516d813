package io.dcb4j.eclipsevas.model;

import java.util.Optional;

/**
 * The answer of {@code PUT .../payments/{paymentId}}. The documents say the partner "returns a success
 * response string"; when Eclipse answers with the payment itself it is read into {@link #updatedPayment()}.
 * Either way the outcome arrives later, by callback or by {@code GET .../payments/{paymentId}}.
 *
 * @param paymentId the payment completed
 * @param payment the payment as answered, or null when the answer was not a payment
 * @param message the answer text when it was not a payment (possibly empty), or null
 */
public record PaymentCompletion(long paymentId, Payment payment, String message) {

    /**
     * The payment as answered.
     *
     * @return the payment, when the answer was one
     */
    public Optional<Payment> updatedPayment() {
        return Optional.ofNullable(payment);
    }

    /** The id, the payment's status and a short message. */
    @Override
    public String toString() {
        String text = "PaymentCompletion[paymentId=" + paymentId
                + (payment == null ? "" : ", status=" + payment.status())
                + (message == null ? "" : ", message=" + Masking.mask(message.length() > 80
                ? message.substring(0, 80) + "..." : message)) + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
