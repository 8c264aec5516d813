package io.dcb4j.camara.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CAMARA payment or refund notification: a CloudEvents 1.0 envelope and its {@code data}, with every
 * documented field.
 *
 * @param id the event's id, unique within its {@code source}
 * @param source the event's source
 * @param type the event type
 * @param rawType {@code type} as received
 * @param specVersion {@code specversion}, {@code 1.0}
 * @param time when it happened
 * @param paymentId {@code data.paymentId}
 * @param refundId {@code data.refundId} (refund events), or null
 * @param succeeded whether {@code data.status} is {@code succeeded} (false for {@code failed})
 * @param rawStatus {@code data.status} as received, or null
 * @param description {@code data.description}, or null
 * @param paymentDate {@code data.paymentDate} (payment-completed), or null
 * @param refundDate {@code data.refundDate} (refund-completed), or null
 * @param denialReason {@code data.denialReason} (denied events), or null
 * @param correlator the {@code x-correlator} header of the delivery, or null
 */
public record CamaraEvent(
        String id,
        String source,
        CamaraEventType type,
        String rawType,
        String specVersion,
        Instant time,
        String paymentId,
        String refundId,
        boolean succeeded,
        String rawStatus,
        String description,
        Instant paymentDate,
        Instant refundDate,
        String denialReason,
        String correlator) {

    /**
     * Validates.
     *
     * @param id required
     * @param source required
     * @param type required
     * @param rawType required
     * @param specVersion required
     * @param time required
     * @param paymentId required
     * @param refundId optional
     * @param succeeded as read
     * @param rawStatus optional
     * @param description optional
     * @param paymentDate optional
     * @param refundDate optional
     * @param denialReason optional
     * @param correlator optional
     */
    public CamaraEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rawType, "rawType");
        Objects.requireNonNull(specVersion, "specVersion");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(paymentId, "paymentId");
    }

    /**
     * The refund concerned.
     *
     * @return the refund id, for refund events
     */
    public Optional<String> refund() {
        return Optional.ofNullable(refundId);
    }

    /**
     * The components, with the operator's texts cleaned.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
