package io.dcb4j.camara.model;

import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A payment as the operator answers it ({@code Payment}, {@code PaymentCreated} and the prepare answer), with
 * every documented field.
 *
 * @param paymentId the payment's id
 * @param status the status
 * @param rawStatus {@code paymentStatus} as received
 * @param phoneNumber the subscriber ({@code amountTransaction.phoneNumber}), or null when not sent or not a
 *     phone number
 * @param clientCorrelator the idempotency key, as echoed, or null
 * @param amount the amount charged or reserved
 * @param description the billing text, or null
 * @param taxIncluded whether the amount includes tax, or null
 * @param taxAmount the tax, or null
 * @param metaData merchant, service and product, or null
 * @param paymentDetails the items, possibly empty
 * @param referenceCode the merchant's reference, or null
 * @param resourceUrl {@code resourceURL}, or null
 * @param serverReferenceCode the operator's reference for reconciliation, or null
 * @param createdAt {@code paymentCreationDate}, or null when not sent
 * @param paidAt {@code paymentDate}: when it was charged, or null
 * @param sink the sink of its events, or null
 * @param validationInfo how the subscriber validates it (prepared payments), or null
 */
public record Payment(
        String paymentId,
        PaymentStatus status,
        String rawStatus,
        Msisdn phoneNumber,
        String clientCorrelator,
        Money amount,
        String description,
        Boolean taxIncluded,
        BigDecimal taxAmount,
        ChargingMetaData metaData,
        List<PaymentItem> paymentDetails,
        String referenceCode,
        String resourceUrl,
        String serverReferenceCode,
        Instant createdAt,
        Instant paidAt,
        String sink,
        ValidationInfo validationInfo) {

    /**
     * Validates and copies.
     *
     * @param paymentId required
     * @param status required
     * @param rawStatus optional
     * @param phoneNumber optional
     * @param clientCorrelator optional
     * @param amount required
     * @param description optional
     * @param taxIncluded optional
     * @param taxAmount optional
     * @param metaData optional
     * @param paymentDetails optional, copied
     * @param referenceCode optional
     * @param resourceUrl optional
     * @param serverReferenceCode optional
     * @param createdAt optional
     * @param paidAt optional
     * @param sink optional
     * @param validationInfo optional
     */
    public Payment {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amount, "amount");
        paymentDetails = paymentDetails == null ? List.of() : List.copyOf(paymentDetails);
    }

    /**
     * How the subscriber validates this prepared payment.
     *
     * @return the validation information, when the operator asks for a validation
     */
    public Optional<ValidationInfo> validation() {
        return Optional.ofNullable(validationInfo);
    }

    /**
     * The components, with the operator's texts cleaned and the phone number masked.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
