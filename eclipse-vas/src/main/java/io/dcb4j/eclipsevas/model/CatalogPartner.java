package io.dcb4j.eclipsevas.model;

import java.util.List;

/**
 * A partner of the VAS catalogue (a network, a biller, a VAS aggregator) and its products.
 *
 * @param partnerId the partner id, the first part of {@link PaymentData}
 * @param partnerName the name, for example {@code Vodacom}, or null
 * @param providerId the Eclipse provider id, or null
 * @param products the products; never null
 */
public record CatalogPartner(int partnerId, String partnerName, Integer providerId, List<CatalogProduct> products) {

    /**
     * Copies the products.
     *
     * @param partnerId the partner
     * @param partnerName optional
     * @param providerId optional
     * @param products optional, copied
     */
    public CatalogPartner {
        products = products == null ? List.of() : List.copyOf(products);
    }

    /**
     * The components, with the provider's texts cleaned (control and bidi characters removed, phone numbers
     * masked, at most 300 characters each).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return io.dcb4j.core.spi.support.Redaction.describeRecord(this);
    }
}
