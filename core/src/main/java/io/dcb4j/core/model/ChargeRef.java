package io.dcb4j.core.model;

/**
 * The provider's identifier of one charge or transaction (Centili transaction id, B2M {@code aocTransID},
 * Eclipse payment id).
 *
 * @param id the identifier as the provider writes it
 */
public record ChargeRef(String id) {

    /**
     * Validates the identifier.
     *
     * @param id the identifier; not blank
     */
    public ChargeRef {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("charge id is required");
        }
    }

    /**
     * Creates a reference.
     *
     * @param id the identifier
     * @return the reference
     */
    public static ChargeRef of(String id) {
        return new ChargeRef(id);
    }

    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.printable(id);
    }
}
