package io.dcb4j.core.model;

import java.util.Objects;

/**
 * The provider's identifier of one refund, with the charge it refunds (some providers, CAMARA among them,
 * address a refund under its charge).
 *
 * @param charge the refunded charge
 * @param id the refund's identifier as the provider writes it
 */
public record RefundRef(ChargeRef charge, String id) {

    /**
     * Validates.
     *
     * @param charge required
     * @param id required, not blank
     */
    public RefundRef {
        Objects.requireNonNull(charge, "charge");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("refund id is required");
        }
    }

    /**
     * Creates a reference.
     *
     * @param charge the refunded charge
     * @param id the refund's identifier
     * @return the reference
     */
    public static RefundRef of(ChargeRef charge, String id) {
        return new RefundRef(charge, id);
    }

    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.printable(id) + " of " + charge;
    }
}
