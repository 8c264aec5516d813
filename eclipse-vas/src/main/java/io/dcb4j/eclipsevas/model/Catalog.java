package io.dcb4j.eclipsevas.model;

import java.util.List;
import java.util.Optional;

/**
 * The answer of {@code GET .../vas/catalogs}: partners and their products.
 *
 * @param partners the partners in the order received; never null
 */
public record Catalog(List<CatalogPartner> partners) {

    /**
     * Copies the partners.
     *
     * @param partners optional, copied
     */
    public Catalog {
        partners = partners == null ? List.of() : List.copyOf(partners);
    }

    /**
     * A partner by id.
     *
     * @param partnerId the id
     * @return the partner
     */
    public Optional<CatalogPartner> partner(int partnerId) {
        return partners.stream().filter(p -> p.partnerId() == partnerId).findFirst();
    }

    /**
     * Every product of every partner.
     *
     * @return the products
     */
    public List<CatalogProduct> products() {
        return partners.stream().flatMap(p -> p.products().stream()).toList();
    }

    /**
     * The products of one partner (a product whose own {@code partnerId} differs is still listed under the
     * partner that carries it).
     *
     * @param partnerId the partner id
     * @return the products, empty when the partner is not in the catalogue
     */
    public List<CatalogProduct> productsOf(int partnerId) {
        return partner(partnerId).map(CatalogPartner::products).orElse(List.of());
    }

    /**
     * The products for the network found by an MSISDN look-up: the channel-side filter the document asks for
     * (Scan to Pay, ACS).
     *
     * @param network the look-up result
     * @return the products of that network's partner; empty when the look-up found no partner id
     */
    public List<CatalogProduct> productsFor(NetworkLookup network) {
        return network.partnerId() == null ? List.of() : productsOf(network.partnerId());
    }

    /**
     * The product bought by some payment data.
     *
     * @param paymentData the partner and product
     * @return the product
     */
    public Optional<CatalogProduct> product(PaymentData paymentData) {
        return products().stream()
                .filter(p -> p.partnerId() == paymentData.partnerId() && p.productId().equals(paymentData.productId()))
                .findFirst();
    }

    /**
     * Whether there are no products.
     *
     * @return true when empty
     */
    public boolean isEmpty() {
        return products().isEmpty();
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
