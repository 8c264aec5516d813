package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A Uganda Revenue Authority payment registration found through DTB Uganda ({@code 21_ETAX_<prn>}).
 *
 * <p>The document looks the bill up by PRN but pays it with the taxpayer's TIN ({@code 21_ETAX_<tin>}, the PRN
 * going into the description): {@link #paymentData()} follows the document.
 *
 * @param product the product returned
 * @param prn {@code Prn}, or null
 * @param tin {@code Tin}, the taxpayer identification number, or null
 * @param taxpayerName {@code TaxpayerName}, or null
 * @param amount {@code Amount}, or null when absent or not a number
 * @param expiryDate {@code ExpiryDt} ({@code 08-FEB-24}), or null when absent or unreadable
 * @param statusCode {@code StatusCode}, or null
 * @param statusDescription {@code StatusDesc}, or null
 * @param currency {@code Currency}, or null (the document's example has none)
 * @param paymentRegistrationDate {@code PaymentRegDt}, or null when absent or unreadable
 * @param sentToBank {@code IsSentToBank} is {@code Y}
 */
public record UraTaxBill(
        CatalogProduct product,
        String prn,
        String tin,
        String taxpayerName,
        BigDecimal amount,
        LocalDate expiryDate,
        String statusCode,
        String statusDescription,
        String currency,
        LocalDate paymentRegistrationDate,
        boolean sentToBank) implements BillLookup {

    @Override
    public Optional<String> reference() {
        return Optional.ofNullable(prn);
    }

    @Override
    public Optional<String> accountHolder() {
        return Optional.ofNullable(taxpayerName);
    }

    @Override
    public Optional<BigDecimal> amountDue() {
        return Optional.ofNullable(amount);
    }

    /** {@code 21_ETAX_<tin>}: the document appends the TIN, not the PRN, when paying. */
    @Override
    public PaymentData paymentData() {
        return tin == null ? product.paymentData() : PaymentData.of(CatalogQuery.DTB_UGANDA, "ETAX_" + tin);
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
