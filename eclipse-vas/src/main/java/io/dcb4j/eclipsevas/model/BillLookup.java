package io.dcb4j.eclipsevas.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A typed view of a bill or account look-up: a catalogue query whose single product carries the biller's
 * answer in its additional fields' {@code defaultValue}s. The product itself is kept, with every field.
 */
public sealed interface BillLookup permits KraTaxBill, NwscBill, UmemeAccount, UraTaxBill {

    /**
     * The product returned, with every additional field.
     *
     * @return the product
     */
    CatalogProduct product();

    /**
     * The biller's reference of the account or bill.
     *
     * @return the reference, when returned
     */
    Optional<String> reference();

    /**
     * The customer or taxpayer name the biller holds, to show the buyer before paying.
     *
     * @return the name, when returned
     */
    Optional<String> accountHolder();

    /**
     * The amount owed.
     *
     * @return the amount, when the biller states one
     */
    Optional<BigDecimal> amountDue();

    /**
     * The {@code paymentData} that pays this bill.
     *
     * @return the payment data
     */
    PaymentData paymentData();
}
