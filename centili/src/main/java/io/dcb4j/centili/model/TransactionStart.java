package io.dcb4j.centili.model;

import io.dcb4j.core.model.Msisdn;
import java.util.Optional;

/**
 * Centili's answer to a transaction start.
 *
 * @param transactionId the transaction's id, for PIN submission, release and queries
 * @param transactionType the kind of transaction, or null when not given
 * @param rawTransactionType the {@code transactionType} text as received, or null
 * @param country the country, or null
 * @param action what the subscriber must do next, or null when Centili asked for nothing
 * @param clientData the merchant's data echoed back, or null
 * @param msisdn the subscriber's number when Centili gave a valid one, or null
 * @param operator the operator, or null
 * @param idempotencyKey the {@code Idempotency-Key} the call was sent with
 */
public record TransactionStart(
        String transactionId,
        TransactionType transactionType,
        String rawTransactionType,
        String country,
        TransactionAction action,
        ClientData clientData,
        Msisdn msisdn,
        String operator,
        String idempotencyKey) {

    /**
     * The next action, if any.
     *
     * @return the action
     */
    public Optional<TransactionAction> nextAction() {
        return Optional.ofNullable(action);
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
