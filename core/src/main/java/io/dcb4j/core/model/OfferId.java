package io.dcb4j.core.model;

/**
 * The provider's identifier of what is sold: an Eklectic offer, an Infomedia product, a Centili service
 * key, a B2M service keyword, an Eclipse product.
 *
 * @param value the identifier as the provider writes it
 */
public record OfferId(String value) implements java.io.Serializable {

    /**
     * Validates the identifier.
     *
     * @param value the identifier; not blank
     */
    public OfferId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("offer id is required");
        }
    }

    /**
     * Creates an offer id.
     *
     * @param value the identifier
     * @return the id
     */
    public static OfferId of(String value) {
        return new OfferId(value);
    }

    /**
     * Creates an offer id from a number.
     *
     * @param value the identifier
     * @return the id
     */
    public static OfferId of(long value) {
        return new OfferId(Long.toString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
