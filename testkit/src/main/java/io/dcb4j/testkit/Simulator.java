package io.dcb4j.testkit;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.BillingProviders;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.NextAction;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscribeRequest;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.notification.InboundNotification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful, in-process simulator of one provider, listening on a free loopback port and speaking the
 * provider's wire format. Start one with {@link Simulators#start(String)} or the {@link DcbSimulator}
 * JUnit extension; close it when done.
 */
public interface Simulator extends AutoCloseable {

    /**
     * The provider id it simulates.
     *
     * @return for example {@code eklectic}
     */
    String providerId();

    /**
     * The base URL a client must use.
     *
     * @return for example {@code http://127.0.0.1:40123/API}
     */
    String baseUrl();

    /**
     * The configuration for {@code BillingProviders.create(providerId(), clientConfig())}: base URL,
     * credentials the simulator accepts, {@code allow-insecure-http=true}.
     *
     * @return the keys
     */
    Map<String, String> clientConfig();

    /**
     * A new client for this simulator, through the neutral registry.
     *
     * @return the client; close it when done
     */
    default BillingProvider newClient() {
        return BillingProviders.create(providerId(), clientConfig());
    }

    /**
     * A subscriber the simulator serves on the happy path (a number of the provider's country); apply a
     * {@link MagicMsisdn} to it for failure paths.
     *
     * @return the MSISDN
     */
    Msisdn sampleMsisdn();

    /**
     * An offer the simulator knows: product id, service key or keyword.
     *
     * @return the offer
     */
    OfferId sampleOffer();

    /**
     * A PIN subscription request the simulator accepts for {@code msisdn}.
     *
     * @param msisdn the subscriber
     * @return the request
     */
    default SubscribeRequest sampleSubscribeRequest(Msisdn msisdn) {
        return SubscribeRequest.of(msisdn, sampleOffer());
    }

    /**
     * A one-off charge request the simulator accepts for {@code msisdn}, for providers with one-off charges.
     *
     * @param msisdn the subscriber
     * @return the request
     * @throws UnsupportedOperationException when the provider has no one-off charge
     */
    default ChargeRequest sampleCharge(Msisdn msisdn) {
        throw new UnsupportedOperationException(providerId() + " has no one-off charge");
    }

    /**
     * A charge request that ends waiting for the merchant's confirmation, for providers with {@link
     * io.dcb4j.core.Capability#CONFIRM_CHARGE}: a two-step charge that is reserved, or that waits for the code
     * sent to the subscriber ({@link #pinSentTo}).
     *
     * @param msisdn the subscriber
     * @return the request
     * @throws UnsupportedOperationException when the provider confirms no charge
     */
    default ChargeRequest sampleChargeToConfirm(Msisdn msisdn) {
        throw new UnsupportedOperationException(providerId() + " confirms no charge");
    }

    /**
     * Every request received so far.
     *
     * @return the requests, in order
     */
    List<RecordedRequest> requests();

    /**
     * The PIN last sent by SMS to a subscriber, for PIN providers.
     *
     * @param msisdn the subscriber
     * @return the PIN, empty when none was sent or the provider has no PIN flow
     */
    default Optional<String> pinSentTo(Msisdn msisdn) {
        return Optional.empty();
    }

    /**
     * Plays the subscriber's part of a next action: opens the consent page and approves or denies it,
     * sends the MO SMS, solves the captcha. Magic MSISDNs may still make it fail.
     *
     * @param action the action a client returned
     * @param approve true to approve, false to deny
     * @throws UnsupportedOperationException when this provider has no such action
     */
    default void actAsSubscriber(NextAction action, boolean approve) {
        throw new UnsupportedOperationException(providerId() + " has no subscriber action " + action.type());
    }

    /**
     * Settles an asynchronous charge that is still processing (success, or failure per magic MSISDN).
     *
     * @param charge the charge
     * @throws UnsupportedOperationException when this provider settles charges synchronously
     */
    default void settle(ChargeRef charge) {
        throw new UnsupportedOperationException(providerId() + " settles charges synchronously");
    }

    /**
     * Settles an asynchronous charge that is still processing as failed for lack of funds, whatever its
     * MSISDN (with the provider's own failure answer and callback), as a tester playing the provider does.
     *
     * @param charge the charge
     * @throws UnsupportedOperationException when this provider settles charges synchronously
     * @throws IllegalArgumentException when the charge is unknown
     * @throws IllegalStateException when the charge cannot be settled yet (still waiting for consent)
     */
    default void fail(ChargeRef charge) {
        throw new UnsupportedOperationException(providerId() + " settles charges synchronously");
    }

    /**
     * Plays the provider's own renewal of an active subscription: it bills the subscriber for a new period and
     * sends the renewal callback, for providers that renew by themselves.
     *
     * @param subscription the subscription: its id, or its MSISDN and offer, as the provider names it
     * @throws UnsupportedOperationException when this provider does not renew by itself
     * @throws IllegalArgumentException when the subscription is unknown or not active
     */
    default void renewNow(SubscriptionRef subscription) {
        throw new UnsupportedOperationException(providerId() + " does not renew subscriptions by itself");
    }

    /**
     * The callbacks the simulator generated, in order, as the merchant would receive them; also delivered
     * by HTTP when {@link #deliverNotificationsTo(String)} is set.
     *
     * @return the notifications
     */
    List<InboundNotification> notifications();

    /**
     * Delivers generated callbacks by HTTP to a merchant URL (GET or POST as the provider does).
     *
     * @param url the URL, or null to stop delivering
     */
    void deliverNotificationsTo(String url);

    /** Forgets all state: subscriptions, charges, tokens, recorded requests and notifications. */
    void reset();

    /** Stops the server. */
    @Override
    void close();
}
