package io.dcb4j.centili.notification;

import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.notification.CallbackParameters;
import java.math.BigDecimal;
import java.util.Map;

/**
 * A Centili payment-result notification, typed. It carries no money: its {@code amount} is the quantity of
 * virtual goods purchased (Centili: "Integer, quantity of purchased virtual goods"); the price charged is
 * the transaction's {@code item.price} and {@code item.currency}.
 *
 * @param transactionId the transaction ({@code transactionid})
 * @param phone the subscriber ({@code phone}) when it is a valid MSISDN, or null
 * @param userId the merchant's end-user id ({@code userid}), or null
 * @param country the country ({@code country}), or null
 * @param mno the operator's name ({@code mno}), or null
 * @param mnoCode the operator's MCC/MNC code ({@code mnocode}), or null
 * @param quantity the quantity of virtual goods purchased (the {@code amount} parameter; a whole number in
 *     Centili's document, kept as sent), or null when the notification has none; never money
 * @param status the outcome, or null when the notification had no {@code status}
 * @param rawStatus the {@code status} text, or null
 * @param transactionType the optional {@code transactiontype} parameter, or null
 * @param parameters every parameter received except the shared secret; may hold the full MSISDN, so it is
 *     left out of {@link #toString()}
 */
public record PaymentNotification(
        String transactionId,
        Msisdn phone,
        String userId,
        String country,
        String mno,
        String mnoCode,
        BigDecimal quantity,
        PaymentStatus status,
        String rawStatus,
        TransactionType transactionType,
        Map<String, String> parameters) {

    /**
     * Copies the parameters.
     *
     * @param transactionId required
     * @param phone optional
     * @param userId optional
     * @param country optional
     * @param mno optional
     * @param mnoCode optional
     * @param quantity optional, not negative
     * @param status optional
     * @param rawStatus optional
     * @param transactionType optional
     * @param parameters copied
     */
    public PaymentNotification {
        if (quantity != null && quantity.signum() < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        // the parser's parameters are immutable already (and keep the received order): kept, not copied
        parameters = parameters == null ? Map.of() : parameters instanceof CallbackParameters ? parameters
                : Map.copyOf(parameters);
    }

    /** Without the raw parameters; the MSISDN masked. */
    @Override
    public String toString() {
        String text = "PaymentNotification[transactionId=" + transactionId + ", phone=" + phone + ", userId=" + userId
                + ", country=" + country + ", mno=" + mno + ", mnoCode=" + mnoCode + ", quantity=" + quantity
                + ", status=" + rawStatus + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
