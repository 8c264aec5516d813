package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A UMEME electricity (Uganda) account found through DTB Uganda ({@code 21_UMEME_<ref>}).
 *
 * <p>UMEME returns a signed {@code balance} whose sign the document does not explain, so {@link #amountDue()}
 * is empty: show {@link #balance()} and let the buyer choose the amount.
 *
 * @param product the product returned
 * @param customerRef {@code customerRef}, or null
 * @param customerType {@code customerType}, for example {@code POSTPAID}, or null
 * @param customerName {@code customerName}, or null
 * @param statusDescription {@code statusDescription}, for example {@code SUCCESS}, or null
 * @param balance {@code balance}, signed, or null when absent or not a number
 * @param statusCode {@code statusCode} ({@code 0} on success), or null
 * @param credit {@code credit}, or null when absent or not a number
 */
public record UmemeAccount(
        CatalogProduct product,
        String customerRef,
        String customerType,
        String customerName,
        String statusDescription,
        BigDecimal balance,
        String statusCode,
        BigDecimal credit) implements BillLookup {

    /**
     * Whether UMEME reported success ({@code statusCode} {@code 0}).
     *
     * @return true on success
     */
    public boolean isSuccess() {
        return "0".equals(statusCode);
    }

    @Override
    public Optional<String> reference() {
        return Optional.ofNullable(customerRef);
    }

    @Override
    public Optional<String> accountHolder() {
        return Optional.ofNullable(customerName);
    }

    /** Empty: the document does not say what the sign of {@code balance} means. */
    @Override
    public Optional<BigDecimal> amountDue() {
        return Optional.empty();
    }

    /** {@code 21_UMEME_<ref>}, as the document's payment example shows. */
    @Override
    public PaymentData paymentData() {
        return customerRef == null ? product.paymentData() : PaymentData.of(CatalogQuery.DTB_UGANDA, "UMEME_" + customerRef);
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
