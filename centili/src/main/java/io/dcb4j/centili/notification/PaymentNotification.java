package io.dcb4j.centili.notification;

import io.dcb4j.centili.model.TransactionType;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * A Centili payment-result notification, typed.
 *
 * @param transactionId the transaction ({@code transactionid})
 * @param phone the subscriber ({@code phone}) when it is a valid MSISDN, or null
 * @param userId the merchant's end-user id ({@code userid}), or null
 * @param country the country ({@code country}), or null
 * @param mno the operator's name ({@code mno}), or null
 * @param mnoCode the operator's MCC/MNC code ({@code mnocode}), or null
 * @param amount the amount ({@code amount}), or null
 * @param currency the ISO 4217 code from a {@code currency} parameter or the parser's default, or null
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
        BigDecimal amount,
        String currency,
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
     * @param amount optional
     * @param currency optional
     * @param status optional
     * @param rawStatus optional
     * @param transactionType optional
     * @param parameters copied
     */
    public PaymentNotification {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    /**
     * The amount as money, when a currency is known.
     *
     * @return the money value
     */
    public Optional<Money> money() {
        if (amount == null || currency == null) {
            return Optional.empty();
        }
        return Optional.of(Money.of(amount, Money.currency(currency)));
    }

    /** Without the raw parameters; the MSISDN masked. */
    @Override
    public String toString() {
        String text = "PaymentNotification[transactionId=" + transactionId + ", phone=" + phone + ", userId=" + userId
                + ", country=" + country + ", mno=" + mno + ", mnoCode=" + mnoCode + ", amount=" + amount
                + (currency == null ? "" : " " + currency) + ", status=" + rawStatus + "]";
        return io.dcb4j.core.internal.Redaction.cleanDescription(text);
    }
}
