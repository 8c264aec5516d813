package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * A Kenya Revenue Authority payment registration found through DTB Kenya ({@code 19_ETAX_<prn>}).
 *
 * @param product the product returned
 * @param systemCode {@code SystemCode}, or null
 * @param eslipNumber {@code EslipNumber}, the PRN, or null
 * @param paymentAdviceDate {@code PaymentAdviceDate} (local time in Kenya), or null when absent or unreadable
 * @param taxpayerPin {@code TaxpayerPin}, the KRA PIN (a tax id, not a secret), or null
 * @param taxpayerFullName {@code TaxpayerFullName}, or null
 * @param totalAmount {@code TotalAmount}, or null when absent or not a number
 */
public record KraTaxBill(
        CatalogProduct product,
        String systemCode,
        String eslipNumber,
        LocalDateTime paymentAdviceDate,
        String taxpayerPin,
        String taxpayerFullName,
        BigDecimal totalAmount) implements BillLookup {

    @Override
    public Optional<String> reference() {
        return Optional.ofNullable(eslipNumber);
    }

    @Override
    public Optional<String> accountHolder() {
        return Optional.ofNullable(taxpayerFullName);
    }

    @Override
    public Optional<BigDecimal> amountDue() {
        return Optional.ofNullable(totalAmount);
    }

    /** {@code 19_ETAX_<prn>}, as the document's payment example shows. */
    @Override
    public PaymentData paymentData() {
        return eslipNumber == null ? product.paymentData() : PaymentData.of(CatalogQuery.DTB_KENYA, "ETAX_" + eslipNumber);
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
