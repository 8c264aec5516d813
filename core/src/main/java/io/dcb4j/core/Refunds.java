package io.dcb4j.core;

import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;

/**
 * Refunding billed charges, wholly or in part, present exactly when the provider supports {@link
 * Capability#REFUND}. With a {@link io.dcb4j.core.journal.ChargeJournal charge journal}, {@link #refund} is
 * journaled like a charge (see {@link io.dcb4j.core.journal.Journaling}): a repeated idempotency key returns the
 * recorded refund without sending again.
 */
public interface Refunds {

    /**
     * Refunds a charge: the whole amount when the request names none, else that amount.
     *
     * @param request what to refund
     * @return the refund's state: SUCCEEDED, or PROCESSING when the provider settles it later
     * @throws io.dcb4j.core.error.DcbTransportException when the outcome is unknown: reconcile with {@link
     *     #status} (or the provider's listing) before refunding again
     * @throws io.dcb4j.core.error.NotFoundException when the charge is unknown
     * @throws io.dcb4j.core.error.ConflictException when the provider holds a refund under this idempotency key
     *     (or merchant reference) already: find it ({@link #status}, the provider's listing) before refunding
     *     again
     * @throws io.dcb4j.core.error.DcbException on other failures (an amount above what remains, a charge
     *     that is not billed)
     */
    RefundResult refund(RefundRequest request);

    /**
     * The current state of a refund.
     *
     * @param refund the refund
     * @return its state
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     */
    RefundResult status(RefundRef refund);
}
