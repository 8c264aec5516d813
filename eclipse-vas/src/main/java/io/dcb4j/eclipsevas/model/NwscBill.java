package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A National Water and Sewerage Corporation (Uganda) account found through DTB Uganda
 * ({@code 21_NWSC_<ref>_<area>}).
 *
 * @param product the product returned
 * @param customerRef {@code CustRef}, or null
 * @param propertyRef {@code PropertyRef}, or null
 * @param customerName {@code CustName}, or null
 * @param area {@code Area}, or null
 * @param outstandingBalance {@code OutstandingBal}, or null when absent or not a number
 * @param customerError {@code CustomerError} ({@code NONE} when the look-up succeeded), or null
 */
public record NwscBill(
        CatalogProduct product,
        String customerRef,
        String propertyRef,
        String customerName,
        String area,
        BigDecimal outstandingBalance,
        String customerError) implements BillLookup {

    /**
     * Whether NWSC reported a problem with the account ({@code CustomerError} other than {@code NONE}).
     *
     * @return true when there is an error
     */
    public boolean hasError() {
        return customerError != null && !customerError.isBlank() && !customerError.equalsIgnoreCase("NONE");
    }

    @Override
    public Optional<String> reference() {
        return Optional.ofNullable(customerRef);
    }

    @Override
    public Optional<String> accountHolder() {
        return Optional.ofNullable(customerName);
    }

    @Override
    public Optional<BigDecimal> amountDue() {
        return Optional.ofNullable(outstandingBalance);
    }

    /** {@code 21_NWSC_<ref>}, as the document's payment example shows. */
    @Override
    public PaymentData paymentData() {
        return customerRef == null ? product.paymentData() : PaymentData.of(CatalogQuery.DTB_UGANDA, "NWSC_" + customerRef);
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
