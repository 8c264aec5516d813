package io.dcb4j.core.spi;

import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionRef;
import java.util.Optional;

/**
 * What a provider knows of a money-moving write before sending it: the reference its status operation takes.
 * The charge journal records it with the intent, so that the {@link io.dcb4j.core.journal.Reconciler} can
 * query the status of a write whose answer never came (the instance died, the connection broke). A provider
 * that lets the merchant choose the transaction id (B2M's {@code spTransID}, an external id the status
 * operation accepts) returns it; one that issues its ids in the answer returns empty, and such a write is
 * resolved from its answer, or surfaced for manual review when no answer came. For provider modules; may
 * change in minor versions.
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
}
