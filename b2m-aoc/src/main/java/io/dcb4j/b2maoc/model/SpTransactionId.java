package io.dcb4j.b2maoc.model;

/**
 * The service-provider transaction id, {@code spTransID}: it names a subscription for
 * {@code subscriptionStatus}, {@code cancelSubscription} and {@code renewSubscription}, and changes with every
 * renewal. A type of its own so that it cannot be passed where an {@link AocTransactionId} is expected.
 *
 * @param value the id as the gateway writes it, stripped
 */
public record SpTransactionId(String value) {

    /**
     * Validates and strips the id.
     *
     * @param value the id; not blank
     * @throws IllegalArgumentException when null or blank
     */
    public SpTransactionId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("spTransId is required");
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
    public static SpTransactionId of(String value) {
        return new SpTransactionId(value);
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
