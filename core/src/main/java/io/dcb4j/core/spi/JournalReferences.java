package io.dcb4j.core.spi;

import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.SubscriptionRef;
import java.util.Optional;

/**
 * What a provider knows of a money-moving write before sending it: the reference its status operation takes.
 * The charge journal records it with the intent, so that the {@link io.dcb4j.core.journal.Reconciler} can
 * query the status of a write whose answer never came (the instance died, the connection broke). A provider
 * that lets the merchant choose the transaction id (B2M's {@code spTransID}, an external id the status
 * operation accepts) returns it; one that issues its ids in the answer returns empty, and such a write is
 * resolved from its answer, or surfaced for manual review when no answer came.
 *
 * <p>A refund's id is issued in the provider's answer, and {@link io.dcb4j.core.Refunds#status} needs it: a
 * refund whose answer never came is found instead by the idempotency key it was sent with
 * ({@link #findRefund}), where the provider keeps that key with the refund (CAMARA's {@code clientCorrelator}).
 * For provider modules; may change in minor versions.
 */
public interface JournalReferences {

    /** No reference is known before sending. */
    JournalReferences NONE = new JournalReferences() {
    };

    /**
     * The reference {@link io.dcb4j.core.Charges#status} will accept for this charge, known before it is sent.
     *
     * @param request the charge, with its idempotency key set
     * @return the reference, or empty
     */
    default Optional<ChargeRef> charge(ChargeRequest request) {
        return Optional.empty();
    }

    /**
     * The reference {@link io.dcb4j.core.Subscriptions#status} will accept for the subscription this PIN
     * confirmation creates, known before it is sent.
     *
     * @param challenge the challenge being confirmed
     * @return the reference, or empty
     */
    default Optional<SubscriptionRef> confirmPin(PinChallenge challenge) {
        return Optional.empty();
    }

    /**
     * Finds the refund of {@code charge} that was sent with {@code idempotencyKey} (the provider's own key of
     * the refund request), for the {@link io.dcb4j.core.journal.Reconciler} to resolve a refund whose answer
     * never came. Only reads; never sends a refund.
     *
     * @param charge the refunded charge
     * @param idempotencyKey the key the refund was sent with
     * @return the refund's current state; empty when this provider cannot find refunds by their key (the
     *     default: such a refund needs a manual review)
     * @throws io.dcb4j.core.error.NotFoundException when the provider has no refund of the charge under this
     *     key (or does not know the charge): the refund was not applied
     * @throws io.dcb4j.core.error.DcbException when the provider cannot be asked now
     */
    default Optional<RefundResult> findRefund(ChargeRef charge, String idempotencyKey) {
        return Optional.empty();
    }
}
