package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A product of the VAS catalogue.
 *
 * @param partnerId the partner selling it
 * @param productId the product id, used in {@link PaymentData}
 * @param productName the name, or null
 * @param productTypeName the type, for example {@code DATA}, {@code AIRTIME}, {@code SMS}, {@code BILL}, or null
 * @param productCategory the category, for example {@code BILL}, or null
 * @param productDescription the description, or null
 * @param fixedPriceIncl the fixed price including tax, or null when the price is chosen by the buyer
 * @param pinnedProduct whether the product is pinned (voucher with a PIN)
 * @param additionalFields the inputs the payment needs, or the values a bill look-up returned; never null
 */
public record CatalogProduct(
        int partnerId,
        String productId,
        String productName,
        String productTypeName,
        String productCategory,
        String productDescription,
        BigDecimal fixedPriceIncl,
        boolean pinnedProduct,
        List<ProductField> additionalFields) {

    /**
     * Copies the fields.
     *
     * @param partnerId the partner
     * @param productId required
     * @param productName optional
     * @param productTypeName optional
     * @param productCategory optional
     * @param productDescription optional
     * @param fixedPriceIncl optional
     * @param pinnedProduct the flag
     * @param additionalFields optional, copied
     */
    public CatalogProduct {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("productId is required");
        }
        additionalFields = additionalFields == null ? List.of() : List.copyOf(additionalFields);
    }

    /**
     * The {@code paymentData} that buys this product.
     *
     * @return for example {@code 5_VD50}
     */
    public PaymentData paymentData() {
        return PaymentData.of(partnerId, productId);
    }

    /**
     * An additional field by id, compared case-insensitively.
     *
     * @param id the field id
     * @return the field
     */
    public Optional<ProductField> field(String id) {
        return additionalFields.stream().filter(f -> f.id() != null && f.id().equalsIgnoreCase(id)).findFirst();
    }

    /**
     * The {@code defaultValue} of an additional field: what a bill look-up returned.
     *
     * @param id the field id, any case
     * @return the value when present
     */
    public Optional<String> fieldValue(String id) {
        return field(id).map(ProductField::defaultValue);
    }

    /** Partner, product and name; ids with long digit runs masked. */
    @Override
    public String toString() {
        String text = "CatalogProduct[" + partnerId + "_" + Masking.mask(productId) + ", name=" + productName
                + ", type=" + productTypeName + ", price="
                + (fixedPriceIncl == null ? "open" : fixedPriceIncl.toPlainString())
                + ", fields=" + additionalFields.size() + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
