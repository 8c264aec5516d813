package io.dcb4j.examples.snippets;

import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.InsufficientFundsException;
import io.dcb4j.core.error.InvalidPinException;
import io.dcb4j.core.error.PinAttemptsExceededException;
import io.dcb4j.core.error.ProviderReference;
import io.dcb4j.core.error.RateLimitedException;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.SubscriptionResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The code of docs/errors.md. */
final class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private ErrorHandling() {
    }

    static void charge(Charges charges, ChargeRequest request) {
        // tag::reconcile-charge[]
        try {
            ChargeResult result = charges.charge(request);
            save(result);
        } catch (DcbTransportException e) {
            // The charge may exist. Do not charge again: find out.
            // 1. e.reference() names what the failed call was about when it was known before the call
            //    (Eclipse paymentId, Centili transactionId or idempotencyKey): poll charges.status(...) with
            //    it, or with a reference from an earlier step (B2M aocTransID), until the state is final.
            // 2. Otherwise wait for the provider's notification (it carries your clientReference where the
            //    provider supports one), or retry with the SAME idempotency key on providers that honour keys
            //    (ChargeRequest.idempotencyKey): the provider returns the first answer instead of charging twice.
            markForReconciliation(request, e.reference().map(ProviderReference::toString).orElse(null));
        } catch (InsufficientFundsException e) {
            tellTheSubscriber("Your balance is too low for this purchase.");
        } catch (DcbApiException e) {
            log.warn("charge refused: {} {}", e.providerCode().orElse("-"), e.getMessage());
        }
        // end::reconcile-charge[]
    }

    static ChargeRequest withOwnKey(ChargeRequest.Builder builder, String orderId) {
        // tag::idempotency-key[]
        String key = UUID.nameUUIDFromBytes(("order-" + orderId).getBytes(StandardCharsets.UTF_8)).toString();
        ChargeRequest request = builder.clientReference(orderId).idempotencyKey(key).build();
        // the same order always gives the same key: a retry after a transport error cannot charge twice
        // end::idempotency-key[]
        return request;
    }

    static ChargeResult pollUntilFinal(Charges charges, ChargeRef ref) throws InterruptedException {
        // tag::poll-status[]
        ChargeResult state = charges.status(ref);
        for (int i = 0; i < 10 && !state.state().isFinal(); i++) {
            Thread.sleep(Duration.ofSeconds(3).toMillis());   // or reschedule the check in your job queue
            state = charges.status(ref);
        }
        // end::poll-status[]
        return state;
    }

    static SubscriptionResult confirm(PinSubscriptions pins, PinChallenge challenge, String pin) {
        // tag::pin-errors[]
        try {
            return pins.confirmPin(challenge, pin);
        } catch (InvalidPinException e) {
            showForm("That PIN is not right. Check the SMS and try again.");   // same challenge
        } catch (PinAttemptsExceededException e) {
            showForm("Too many attempts. We will send you a new PIN.");        // call requestPin again
        } catch (ConflictException e) {
            showForm(e.isRetryable() ? "Please wait a moment." : "You are already subscribed.");
        } catch (RateLimitedException e) {
            retryLater(e.retryAfter().orElse(Duration.ofSeconds(30)));
        } catch (DcbException e) {
            log.warn("subscription failed, retryable={}: {}", e.isRetryable(), e.getMessage());
            showForm("Something went wrong. Please try again later.");
        }
        return null;
        // end::pin-errors[]
    }

    private static void save(ChargeResult result) {
    }

    private static void markForReconciliation(ChargeRequest request, String providerReference) {
    }

    private static void tellTheSubscriber(String text) {
    }

    private static void showForm(String text) {
    }

    private static void retryLater(Duration delay) {
    }
}
