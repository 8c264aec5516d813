package io.dcb4j.core;

import io.dcb4j.core.model.ChargeResult;

/**
 * Confirming charges that wait for the merchant, present exactly when the provider supports {@link
 * Capability#CONFIRM_CHARGE}: a two-step charge that is {@link io.dcb4j.core.model.ChargeState#RESERVED}
 * (the amount is reserved, nothing is billed until it is confirmed), or a charge that is {@link
 * io.dcb4j.core.model.ChargeState#PENDING_VALIDATION} with {@link io.dcb4j.core.model.NextAction.EnterPin}
 * (the subscriber received a code, which the merchant passes on here).
 *
 * <p>A charge is confirmed at most once: a second confirmation is refused with {@link
 * io.dcb4j.core.error.ConflictException}, so repeating one after a timeout or a crash bills nothing twice ({@link
 * Charges#status} then tells what became of the charge). That is why the {@link io.dcb4j.core.journal.ChargeJournal
 * charge journal} does not record confirmations (nor cancellations, which move no money).
 */
public interface ChargeConfirmations {

    /**
     * Confirms a charge: validates the code when the charge asked for one, then captures the reservation.
     *
     * @param charge the result of {@link Charges#charge} (its details carry what the provider needs to
     *     validate the code, so keep it, not only its reference)
     * @param code the code the subscriber received, or null when the charge only waits for the merchant
     * @return the charge's state afterwards: normally SUCCEEDED, or PROCESSING when the provider bills later
     * @throws io.dcb4j.core.error.InvalidPinException when the code is wrong (the subscriber may try again)
     * @throws io.dcb4j.core.error.PinAttemptsExceededException when too many codes were wrong
     * @throws io.dcb4j.core.error.ConflictException when the charge was already confirmed or cancelled
     * @throws io.dcb4j.core.error.NotFoundException when the charge is unknown
     * @throws IllegalArgumentException when the charge asks for a code and none is given, or the result
     *     comes from another provider
     * @throws io.dcb4j.core.error.DcbException on other failures
     */
    ChargeResult confirm(ChargeResult charge, String code);

    /**
     * Confirms a charge that needs no code (a {@link io.dcb4j.core.model.ChargeState#RESERVED} one).
     *
     * @param charge the result of {@link Charges#charge}
     * @return the charge's state afterwards
     * @throws io.dcb4j.core.error.DcbException as {@link #confirm(ChargeResult, String)}
     */
    default ChargeResult confirm(ChargeResult charge) {
        return confirm(charge, null);
    }
}
