package io.dcb4j.core;

import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;

/**
 * Cancelling charges that are not billed yet (releasing a reservation), present exactly when the provider
 * supports {@link Capability#CANCEL_CHARGE}. A billed charge is refunded instead ({@link Refunds}).
 */
public interface ChargeCancellations {

    /**
     * Cancels a charge that is reserved or waits for validation; nothing is billed.
     *
     * @param charge the charge
     * @return the charge's state afterwards, normally {@link io.dcb4j.core.model.ChargeState#CANCELLED}
     * @throws io.dcb4j.core.error.ConflictException when the charge was already confirmed or cancelled
     * @throws io.dcb4j.core.error.NotFoundException when the charge is unknown
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    ChargeResult cancel(ChargeRef charge);
}
