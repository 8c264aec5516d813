package io.dcb4j.eclipsevas.model;

/**
 * The {@code paymentData} of a VAS payment: a catalogue partner id and a product id joined by an underscore,
 * for example {@code PaymentData.of(5, "VD50")} is {@code 5_VD50}. The product id may itself contain
 * underscores ({@code 16_0310564280_T089775335322_3}: partner 16, product {@code 0310564280_T089775335322_3}).
 *
 * @param partnerId the catalogue partner id
 * @param productId the product id within the partner's catalogue
 */
public record PaymentData(int partnerId, String productId) {

    /**
     * Validates.
     *
     * @param partnerId not negative
     * @param productId not blank, no whitespace
     */
    public PaymentData {
        if (partnerId < 0) {
            throw new IllegalArgumentException("partnerId must not be negative");
        }
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId is required");
        }
        if (productId.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("productId must not contain whitespace");
        }
    }

    /**
     * Creates payment data.
     *
     * @param partnerId the partner id
     * @param productId the product id
     * @return the payment data
     */
    public static PaymentData of(int partnerId, String productId) {
        return new PaymentData(partnerId, productId);
    }

    /**
     * Parses the wire form {@code <partnerId>_<productId>}.
     *
     * @param value for example {@code 21_UMEME_200166426}
     * @return the payment data
     * @throws IllegalArgumentException when there is no numeric partner id before the first underscore
     */
    public static PaymentData parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("paymentData is required");
        }
        String v = value.strip();
        int cut = v.indexOf('_');
        if (cut <= 0 || cut == v.length() - 1) {
            throw new IllegalArgumentException("paymentData must look like <partnerId>_<productId>");
        }
        int partner;
        try {
            partner = Integer.parseInt(v.substring(0, cut));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("paymentData must start with a numeric partner id");
        }
        return new PaymentData(partner, v.substring(cut + 1));
    }

    /**
     * The wire form.
     *
     * @return for example {@code 5_VD50}
     */
    public String value() {
        return partnerId + "_" + productId;
    }

    /** The wire form with long digit runs (phone and account numbers) masked. */
    @Override
    public String toString() {
        return Masking.mask(value());
    }
}
