package io.dcb4j.core.observe;

import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.NotificationRejectedException;
import io.dcb4j.core.notification.BillingEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a callback ended: parsed and accepted, recognised as a duplicate, refused by an authenticity check, or
 * unreadable. Never holds the callback's parameters, body, secret or MSISDN.
 *
 * @param provider the provider id
 * @param outcome the outcome
 * @param eventType the parsed event's type, for {@link Outcome#ACCEPTED} and {@link Outcome#DUPLICATE}
 * @param refusal why the callback was refused, for {@link Outcome#REFUSED}
 * @param errorType the simple class name of the exception, for {@link Outcome#REFUSED} and {@link
 *     Outcome#INVALID}
 * @param duration the time spent checking and parsing (zero for a duplicate)
 * @param error the exception, for {@link Outcome#REFUSED} and {@link Outcome#INVALID} when it is a {@link
 *     DcbException}
 */
public record NotificationEvent(String provider, Outcome outcome, Optional<BillingEvent.Type> eventType,
        Optional<NotificationRejectedException.Reason> refusal, Optional<String> errorType, Duration duration,
        Optional<DcbException> error) {

    /**
     * How a callback ended. A delivery is reported once when it is parsed ({@link #ACCEPTED}, {@link #REFUSED}
     * or {@link #INVALID}); a de-duplicator wrapped by {@link ObservedEventDeduplicator} reports an accepted
     * delivery it has seen before a second time, as {@link #DUPLICATE}.
     */
    public enum Outcome {
        /** Authentic and parsed. */
        ACCEPTED,
        /** Already claimed by an earlier delivery: acknowledge it, do not process it. */
        DUPLICATE,
        /** Refused by an authenticity check (see {@link NotificationEvent#refusal()}). */
        REFUSED,
        /** Missing or malformed parameters, or another failure of the parser. */
        INVALID
    }

    /**
     * Checks the components.
     *
     * @param provider the provider id
     * @param outcome the outcome
     * @param eventType the event type
     * @param refusal the refusal's reason
     * @param errorType the error's class name
     * @param duration the duration
     * @param error the exception
     */
    public NotificationEvent {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(error, "error");
    }
}
