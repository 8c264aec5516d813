package io.dcb4j.eclipsevas.model;

/**
 * One {@code {id, value}} entry of a payment's {@code additionalFields} (for example {@code msisdn},
 * {@code accountNumber}, {@code destinationName}).
 *
 * @param id the field id as the catalogue names it
 * @param value the value, or null
 */
public record AdditionalField(String id, String value) {

    /**
     * Validates.
     *
     * @param id required, not blank
     * @param value optional
     */
    public AdditionalField {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("additional field id is required");
        }
    }

    /**
     * Creates a field.
     *
     * @param id the field id
     * @param value the value
     * @return the field
     */
    public static AdditionalField of(String id, String value) {
        return new AdditionalField(id, value);
    }

    /** The id and the value with long digit runs (phone and account numbers) masked. */
    @Override
    public String toString() {
        String text = id + "=" + Masking.mask(value);
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
