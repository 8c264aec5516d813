package io.dcb4j.core;

import java.util.Optional;
import java.util.Set;

/**
 * A provider client seen through the neutral API. Each provider module's client implements it; code
 * written against it can switch provider by configuration. Instances are immutable and thread-safe: build
 * one per provider account and share it. {@link #close()} releases its connection pool (unless the caller
 * supplied the OkHttp client).
 */
public interface BillingProvider extends AutoCloseable {

    /**
     * The provider id, as registered with {@link BillingProviders}.
     *
     * @return for example {@code eklectic}
     */
    String id();

    /**
     * What this provider supports. The optional accessors below are present exactly for these, and a present
     * part never refuses its operations as unsupported.
     *
     * @return the capabilities
     */
    Set<Capability> capabilities();

    /**
     * Whether a capability is supported.
     *
     * @param capability the capability
     * @return true when {@link #capabilities()} contains it
     */
    default boolean supports(Capability capability) {
        return capabilities().contains(capability);
    }

    /**
     * PIN (OTP) subscriptions, when {@link Capability#PIN_SUBSCRIPTION} is supported.
     *
     * @return the API
     */
    Optional<PinSubscriptions> pinSubscriptions();

    /**
     * One-off charges and their status, when {@link Capability#ONE_OFF_CHARGE} (and with it {@link
     * Capability#CHARGE_STATUS}) is supported.
     *
     * @return the API
     */
    Optional<Charges> charges();

    /**
     * Confirming charges that wait for the merchant (a reservation, a code the subscriber received), when
     * {@link Capability#CONFIRM_CHARGE} is supported.
     *
     * @return the API
     */
    Optional<ChargeConfirmations> chargeConfirmations();

    /**
     * Cancelling charges that are not billed yet, when {@link Capability#CANCEL_CHARGE} is supported.
     *
     * @return the API
     */
    Optional<ChargeCancellations> chargeCancellations();

    /**
     * Refunding billed charges and querying refunds, when {@link Capability#REFUND} is supported.
     *
     * @return the API
     */
    Optional<Refunds> refunds();

    /**
     * Subscription status, when {@link Capability#SUBSCRIPTION_STATUS} is supported.
     *
     * @return the API
     */
    Optional<Subscriptions> subscriptions();

    /**
     * Cancelling subscriptions, when {@link Capability#CANCEL} is supported.
     *
     * @return the API
     */
    Optional<Cancellations> cancellations();

    /**
     * Renewing subscriptions on the merchant's initiative, when {@link Capability#RENEW} is supported.
     *
     * @return the API
     */
    Optional<Renewals> renewals();

    /**
     * The callback parser, when {@link Capability#NOTIFICATIONS} is supported.
     *
     * @return the parser
     */
    Optional<NotificationParser> notifications();

    /**
     * Releases the connection pool and threads owned by this client. Every later call that would reach the
     * provider throws {@link IllegalStateException} and sends nothing; closing again does nothing.
     */
    @Override
    void close();
}
