package io.dcb4j.core;

import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;

/** One-off charges. */
public interface Charges {

    /**
     * Starts a charge. Many providers answer PENDING_VALIDATION with a next action (redirect to a consent
     * page); poll {@link #status} or wait for the notification.
     *
     * @param request what to charge
     * @return the charge's state
     * @throws io.dcb4j.core.error.DcbTransportException when the outcome is unknown: reconcile with {@link
     *     #status} before charging again
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    ChargeResult charge(ChargeRequest request);

    /**
     * The current state of a charge.
     *
     * @param charge the charge
     * @return its state
     * @throws io.dcb4j.core.error.NotFoundException when unknown
     */
    ChargeResult status(ChargeRef charge);
}
