package io.dcb4j.core.notification;

import io.dcb4j.core.spi.support.Redaction;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.FailureReason;
import io.dcb4j.core.model.Money;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.OfferId;
import io.dcb4j.core.model.SubscriptionRef;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider callback in neutral terms. {@link #eventId()} is stable across the provider's retries of the
 * same callback: use it to process each event once. {@link #acknowledgement()} is what to answer.
 */
public final class BillingEvent {

    /** The kind of event. */
    public enum Type {
        /** A new subscription. */
        SUBSCRIBED,
        /** A cancelled subscription came back inside its paid period. */
        REACTIVATED,
        /** A subscription was billed for a new period. */
        RENEWED,
        /** A one-off or first charge succeeded. */
        CHARGED,
        /** A charge failed; see {@link BillingEvent#failureReason()}. */
        CHARGE_FAILED,
        /** A charge waits for the subscriber (a code sent by SMS, a validation page). */
        CHARGE_PENDING,
        /** A two-step charge is reserved: confirm or cancel it. */
        CHARGE_RESERVED,
        /** A charge was cancelled or released before billing (by the merchant, or because it expired). */
        CHARGE_CANCELLED,
        /** A subscription was suspended. */
        SUSPENDED,
        /** A suspended subscription is active again. */
        UNSUSPENDED,
        /** A subscription ended. */
        UNSUBSCRIBED,
        /** A charge was refunded. */
        REFUNDED,
        /** A refund was refused. */
        REFUND_FAILED,
        /** A payment flow completed; query its status for the outcome. */
        PAYMENT_COMPLETED,
        /** A kind dcb4j does not know; see {@link BillingEvent#rawType()}. */
        UNKNOWN
    }

    private final String provider;
    private final Type type;
    private final String eventId;
    private final String rawType;
    private final SubscriptionRef subscription;
    private final ChargeRef charge;
    private final Msisdn msisdn;
    private final OfferId offer;
    private final Money amount;
    private final Instant occurredAt;
    private final FailureReason failureReason;
    private final Map<String, String> rawParameters;
    private final Acknowledgement acknowledgement;

    private BillingEvent(Builder b) {
        this.provider = Objects.requireNonNull(b.provider, "provider");
        this.type = Objects.requireNonNull(b.type, "type");
        this.eventId = Objects.requireNonNull(b.eventId, "eventId");
        this.rawType = b.rawType;
        this.subscription = b.subscription;
        this.charge = b.charge;
        this.msisdn = b.msisdn;
        this.offer = b.offer;
        this.amount = b.amount;
        this.occurredAt = b.occurredAt;
        this.failureReason = b.failureReason;
        // parameters a parser read with CallbackParameters are immutable already: kept, not copied; the
        // builder's own copy is handed over (the builder copies it again before any later change)
        if (b.rawParameters == null) {
            this.rawParameters = Collections.unmodifiableMap(new LinkedHashMap<>());
        } else if (b.rawParameters instanceof CallbackParameters p) {
            this.rawParameters = p;
        } else {
            this.rawParameters = Collections.unmodifiableMap(b.rawParameters);
            b.handedOver = true;
        }
        this.acknowledgement = b.acknowledgement == null ? Acknowledgement.ok("OK") : b.acknowledgement;
    }

    /**
     * Starts a builder.
     *
     * @param provider the provider id
     * @param type the event type
     * @param eventId the stable de-duplication id
     * @return the builder
     */
    public static Builder builder(String provider, Type type, String eventId) {
        return new Builder(provider, type, eventId);
    }

    /**
     * The provider id.
     *
     * @return the id
     */
    public String provider() {
        return provider;
    }

    /**
     * The kind of event.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * A stable id for de-duplication: the same for every delivery of the same callback.
     *
     * @return the id
     */
    public String eventId() {
        return eventId;
    }

    /**
     * The provider's own event kind ({@code SUB}, {@code 5}, ...).
     *
     * @return the raw value
     */
    public Optional<String> rawType() {
        return Optional.ofNullable(rawType);
    }

    /**
     * The subscription concerned.
     *
     * @return the reference
     */
    public Optional<SubscriptionRef> subscription() {
        return Optional.ofNullable(subscription);
    }

    /**
     * The charge or transaction concerned.
     *
     * @return the reference
     */
    public Optional<ChargeRef> charge() {
        return Optional.ofNullable(charge);
    }

    /**
     * The subscriber.
     *
     * @return the MSISDN
     */
    public Optional<Msisdn> msisdn() {
        return Optional.ofNullable(msisdn);
    }

    /**
     * The offer or product.
     *
     * @return the offer
     */
    public Optional<OfferId> offer() {
        return Optional.ofNullable(offer);
    }

    /**
     * The amount billed or refunded.
     *
     * @return the amount
     */
    public Optional<Money> amount() {
        return Optional.ofNullable(amount);
    }

    /**
     * When it happened, per the provider.
     *
     * @return the instant
     */
    public Optional<Instant> occurredAt() {
        return Optional.ofNullable(occurredAt);
    }

    /**
     * Why a charge failed.
     *
     * @return the reason, for {@link Type#CHARGE_FAILED}
     */
    public Optional<FailureReason> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    /**
     * Every parameter the provider sent, as received.
     *
     * @return name to value
     */
    public Map<String, String> rawParameters() {
        return rawParameters;
    }

    /**
     * What to answer the provider.
     *
     * @return the acknowledgement
     */
    public Acknowledgement acknowledgement() {
        return acknowledgement;
    }

    /** Without raw parameters, with the MSISDN masked and the callback's texts made printable. */
    @Override
    public String toString() {
        return "BillingEvent[" + provider + " " + type + (rawType == null ? "" : " (" + Redaction.scrubText(rawType)
                + ")") + ", id=" + Redaction.printable(eventId) + (subscription == null || subscription.id() == null
                ? "" : ", subscription=" + Redaction.printable(subscription.id()))
                + (charge == null ? "" : ", charge=" + Redaction.printable(charge.id()))
                + (msisdn == null ? "" : ", msisdn=" + msisdn) + (amount == null ? "" : ", amount=" + amount)
                + (failureReason == null ? "" : ", failure=" + failureReason) + "]";
    }

    /** Builds a {@link BillingEvent}. */
    public static final class Builder {
        private final String provider;
        private final Type type;
        private final String eventId;
        private String rawType;
        private SubscriptionRef subscription;
        private ChargeRef charge;
        private Msisdn msisdn;
        private OfferId offer;
        private Money amount;
        private Instant occurredAt;
        private FailureReason failureReason;
        /** Null until set; a {@link CallbackParameters} while it is the only map given, else the builder's copy. */
        private Map<String, String> rawParameters;
        /** Whether an event holds {@link #rawParameters}: then they are copied before they change. */
        private boolean handedOver;
        private Acknowledgement acknowledgement;

        private Builder(String provider, Type type, String eventId) {
            this.provider = provider;
            this.type = type;
            this.eventId = eventId;
        }

        /**
         * The provider's event kind.
         *
         * @param rawType the raw value
         * @return this builder
         */
        public Builder rawType(String rawType) {
            this.rawType = rawType;
            return this;
        }

        /**
         * The subscription.
         *
         * @param subscription the reference
         * @return this builder
         */
        public Builder subscription(SubscriptionRef subscription) {
            this.subscription = subscription;
            return this;
        }

        /**
         * The charge.
         *
         * @param charge the reference
         * @return this builder
         */
        public Builder charge(ChargeRef charge) {
            this.charge = charge;
            return this;
        }

        /**
         * The subscriber.
         *
         * @param msisdn the MSISDN
         * @return this builder
         */
        public Builder msisdn(Msisdn msisdn) {
            this.msisdn = msisdn;
            return this;
        }

        /**
         * The offer.
         *
         * @param offer the offer
         * @return this builder
         */
        public Builder offer(OfferId offer) {
            this.offer = offer;
            return this;
        }

        /**
         * The amount.
         *
         * @param amount the amount
         * @return this builder
         */
        public Builder amount(Money amount) {
            this.amount = amount;
            return this;
        }

        /**
         * When it happened.
         *
         * @param occurredAt the instant
         * @return this builder
         */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * Why a charge failed.
         *
         * @param reason the reason
         * @return this builder
         */
        public Builder failureReason(FailureReason reason) {
            this.failureReason = reason;
            return this;
        }

        /**
         * The raw parameters.
         *
         * @param parameters name to value; null values dropped
         * @return this builder
         */
        public Builder rawParameters(Map<String, String> parameters) {
            Objects.requireNonNull(parameters, "parameters");
            if (rawParameters == null && parameters instanceof CallbackParameters p) {
                rawParameters = p; // no null names or values, never changes
                return this;
            }
            if (!(rawParameters instanceof LinkedHashMap) || handedOver) {
                rawParameters = rawParameters == null ? new LinkedHashMap<>() : new LinkedHashMap<>(rawParameters);
                handedOver = false;
            }
            Map<String, String> into = rawParameters;
            parameters.forEach((k, v) -> {
                if (k != null && v != null) {
                    into.put(k, v);
                }
            });
            return this;
        }

        /**
         * What to answer the provider; {@code 200 OK} by default.
         *
         * @param acknowledgement the answer
         * @return this builder
         */
        public Builder acknowledgement(Acknowledgement acknowledgement) {
            this.acknowledgement = acknowledgement;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         */
        public BillingEvent build() {
            return new BillingEvent(this);
        }
    }
}
