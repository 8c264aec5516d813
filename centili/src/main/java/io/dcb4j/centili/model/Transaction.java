package io.dcb4j.centili.model;

import io.dcb4j.core.model.Msisdn;
import java.time.Instant;
import java.util.Optional;

/**
 * A transaction as {@code GET /transactions/{id}} describes it. Enum fields keep the raw text beside them;
 * an unknown value is {@code UNKNOWN}, never an error.
 *
 * @param transactionId the transaction's id
 * @param transactionType the kind of transaction, or null when absent
 * @param rawTransactionType the {@code transactionType} text, or null
 * @param country the country, or null
 * @param item what was sold, or null
 * @param notificationStatus whether Centili notified the merchant, or null when absent
 * @param rawNotificationStatus the {@code notificationStatus} text, or null
 * @param subscriber the subscriber as Centili identifies it (usually an MSISDN), or null; masked in
 *     {@link #toString()}
 * @param timeCharged when it was billed, read in the client's zone when the text has none, or null
 * @param rawTimeCharged the {@code timeCharged} text, or null
 * @param transactionStatus the state, or null when absent
 * @param rawTransactionStatus the {@code transactionStatus} text, or null
 * @param clientData the merchant's data, or null
 * @param serviceKey the service key, or null
 * @param error the error text when billing failed, or null
 * @param operator the operator, or null
 */
public record Transaction(
        String transactionId,
        TransactionType transactionType,
        String rawTransactionType,
        String country,
        Item item,
        NotificationStatus notificationStatus,
        String rawNotificationStatus,
        String subscriber,
        Instant timeCharged,
        String rawTimeCharged,
        TransactionStatus transactionStatus,
        String rawTransactionStatus,
        ClientData clientData,
        String serviceKey,
        String error,
        String operator) {

    /**
     * The subscriber as an MSISDN, when it is one.
     *
     * @return the MSISDN
     */
    public Optional<Msisdn> subscriberMsisdn() {
        return subscriber != null && Msisdn.isValid(subscriber) ? Optional.of(Msisdn.of(subscriber))
                : Optional.empty();
    }

    /** Never the full subscriber number. */
    @Override
    public String toString() {
        String text = "Transaction[transactionId=" + transactionId + ", transactionType=" + rawTransactionType
                + ", country=" + country + ", item=" + item + ", notificationStatus=" + rawNotificationStatus
                + ", subscriber=" + (subscriber == null ? null : Msisdn.mask(subscriber)) + ", timeCharged="
                + (timeCharged == null ? rawTimeCharged : timeCharged) + ", transactionStatus="
                + rawTransactionStatus + ", clientData=" + clientData + ", serviceKey=" + serviceKey + ", error="
                + error + ", operator=" + operator + "]";
        return io.dcb4j.core.spi.support.Redaction.cleanDescription(text);
    }
}
