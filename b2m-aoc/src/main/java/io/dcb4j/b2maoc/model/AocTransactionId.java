package io.dcb4j.b2maoc.model;

/**
 * The gateway's transaction id, {@code aocTransID}: it names one charge, for the consent page and for
 * {@code chargeStatus}. A type of its own so that it cannot be passed where an {@link SpTransactionId} is
 * expected.
 *
 * @param value the id as the gateway writes it, stripped
 */
public record AocTransactionId(String value) {

    /**
     * Validates and strips the id.
     *
     * @param value the id; not blank
     * @throws IllegalArgumentException when null or blank
     */
    public AocTransactionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("aocTransId is required");
        }
        value = value.strip();
    }

    /**
     * An id.
     *
     * @param value the id as the gateway writes it
     * @return the id
     * @throws IllegalArgumentException when null or blank
     */
    public static AocTransactionId of(String value) {
        return new AocTransactionId(value);
    }

    /**
     * The id, made printable (it comes from the gateway).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.printable(value);
    }
}
