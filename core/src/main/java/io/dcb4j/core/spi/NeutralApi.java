package io.dcb4j.core.spi;

import io.dcb4j.core.Cancellations;
import io.dcb4j.core.Capability;
import io.dcb4j.core.ChargeCancellations;
import io.dcb4j.core.ChargeConfirmations;
import io.dcb4j.core.Charges;
import io.dcb4j.core.NotificationParser;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.Subscriptions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The neutral parts a provider client offers, from which {@link ProviderClient} derives {@link
 * io.dcb4j.core.BillingProvider#capabilities()} and every optional accessor: a part is present exactly when
 * its capability is, so the two can never disagree. For provider modules; may change in minor versions.
 */
public final class NeutralApi {

    private final PinSubscriptions pinSubscriptions;
    private final Charges charges;
    private final ChargeConfirmations chargeConfirmations;
    private final ChargeCancellations chargeCancellations;
    private final Refunds refunds;
    private final Subscriptions subscriptions;
    private final Cancellations cancellations;
    private final Renewals renewals;
    private final NotificationParser notifications;
    private final JournalReferences journalReferences;
    private final Set<Capability> capabilities;

    private NeutralApi(Builder b) {
        this.pinSubscriptions = b.pinSubscriptions;
        this.charges = b.charges;
        this.chargeConfirmations = b.chargeConfirmations;
        this.chargeCancellations = b.chargeCancellations;
        this.refunds = b.refunds;
        this.subscriptions = b.subscriptions;
        this.cancellations = b.cancellations;
        this.renewals = b.renewals;
        this.notifications = b.notifications;
        this.journalReferences = b.journalReferences == null ? JournalReferences.NONE : b.journalReferences;
        EnumSet<Capability> caps = EnumSet.noneOf(Capability.class);
        if (pinSubscriptions != null) {
            caps.add(Capability.PIN_SUBSCRIPTION);
        }
        if (charges != null) {
            caps.add(Capability.ONE_OFF_CHARGE);
            caps.add(Capability.CHARGE_STATUS);
        }
        if (chargeConfirmations != null) {
            caps.add(Capability.CONFIRM_CHARGE);
        }
        if (chargeCancellations != null) {
            caps.add(Capability.CANCEL_CHARGE);
        }
        if (refunds != null) {
            caps.add(Capability.REFUND);
        }
        if (subscriptions != null) {
            caps.add(Capability.SUBSCRIPTION_STATUS);
        }
        if (cancellations != null) {
            caps.add(Capability.CANCEL);
        }
        if (renewals != null) {
            caps.add(Capability.RENEW);
        }
        if (notifications != null) {
            caps.add(Capability.NOTIFICATIONS);
        }
        this.capabilities = java.util.Collections.unmodifiableSet(caps);
    }

    /**
     * Starts a builder with no part.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The capabilities the present parts give, in {@link Capability} order.
     *
     * @return the capabilities
     */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /**
     * The PIN subscriptions part.
     *
     * @return present for {@link Capability#PIN_SUBSCRIPTION}
     */
    public Optional<PinSubscriptions> pinSubscriptions() {
        return Optional.ofNullable(pinSubscriptions);
    }

    /**
     * The charges part.
     *
     * @return present for {@link Capability#ONE_OFF_CHARGE}
     */
    public Optional<Charges> charges() {
        return Optional.ofNullable(charges);
    }

    /**
     * The charge confirmations part.
     *
     * @return present for {@link Capability#CONFIRM_CHARGE}
     */
    public Optional<ChargeConfirmations> chargeConfirmations() {
        return Optional.ofNullable(chargeConfirmations);
    }

    /**
     * The charge cancellations part.
     *
     * @return present for {@link Capability#CANCEL_CHARGE}
     */
    public Optional<ChargeCancellations> chargeCancellations() {
        return Optional.ofNullable(chargeCancellations);
    }

    /**
     * The refunds part.
     *
     * @return present for {@link Capability#REFUND}
     */
    public Optional<Refunds> refunds() {
        return Optional.ofNullable(refunds);
    }

    /**
     * The subscription status part.
     *
     * @return present for {@link Capability#SUBSCRIPTION_STATUS}
     */
    public Optional<Subscriptions> subscriptions() {
        return Optional.ofNullable(subscriptions);
    }

    /**
     * The cancellations part.
     *
     * @return present for {@link Capability#CANCEL}
     */
    public Optional<Cancellations> cancellations() {
        return Optional.ofNullable(cancellations);
    }

    /**
     * The renewals part.
     *
     * @return present for {@link Capability#RENEW}
     */
    public Optional<Renewals> renewals() {
        return Optional.ofNullable(renewals);
    }

    /**
     * The callback parser.
     *
     * @return present for {@link Capability#NOTIFICATIONS}
     */
    public Optional<NotificationParser> notifications() {
        return Optional.ofNullable(notifications);
    }

    /**
     * What the provider knows of a money-moving write before sending it, for the charge journal.
     *
     * @return the references; {@link JournalReferences#NONE} unless the builder set them
     */
    public JournalReferences journalReferences() {
        return journalReferences;
    }

    /** Collects the parts; leave out what the provider does not offer. */
    public static final class Builder {
        private PinSubscriptions pinSubscriptions;
        private Charges charges;
        private ChargeConfirmations chargeConfirmations;
        private ChargeCancellations chargeCancellations;
        private Refunds refunds;
        private Subscriptions subscriptions;
        private Cancellations cancellations;
        private Renewals renewals;
        private NotificationParser notifications;
        private JournalReferences journalReferences;

        private Builder() {
        }

        /**
         * PIN subscriptions.
         *
         * @param part the part
         * @return this builder
         */
        public Builder pinSubscriptions(PinSubscriptions part) {
            this.pinSubscriptions = part;
            return this;
        }

        /**
         * One-off charges and their status.
         *
         * @param part the part
         * @return this builder
         */
        public Builder charges(Charges part) {
            this.charges = part;
            return this;
        }

        /**
         * Confirming charges that wait for the merchant.
         *
         * @param part the part
         * @return this builder
         */
        public Builder chargeConfirmations(ChargeConfirmations part) {
            this.chargeConfirmations = part;
            return this;
        }

        /**
         * Cancelling charges that are not billed yet.
         *
         * @param part the part
         * @return this builder
         */
        public Builder chargeCancellations(ChargeCancellations part) {
            this.chargeCancellations = part;
            return this;
        }

        /**
         * Refunds and their status.
         *
         * @param part the part
         * @return this builder
         */
        public Builder refunds(Refunds part) {
            this.refunds = part;
            return this;
        }

        /**
         * Subscription status.
         *
         * @param part the part
         * @return this builder
         */
        public Builder subscriptions(Subscriptions part) {
            this.subscriptions = part;
            return this;
        }

        /**
         * Cancellations.
         *
         * @param part the part
         * @return this builder
         */
        public Builder cancellations(Cancellations part) {
            this.cancellations = part;
            return this;
        }

        /**
         * Merchant-initiated renewals.
         *
         * @param part the part
         * @return this builder
         */
        public Builder renewals(Renewals part) {
            this.renewals = part;
            return this;
        }

        /**
         * The callback parser.
         *
         * @param parser the parser
         * @return this builder
         */
        public Builder notifications(NotificationParser parser) {
            this.notifications = parser;
            return this;
        }

        /**
         * The references the provider's status operations accept that are known before a write is sent (see
         * {@link JournalReferences}); none by default.
         *
         * @param references the references
         * @return this builder
         */
        public Builder journalReferences(JournalReferences references) {
            this.journalReferences = references;
            return this;
        }

        /**
         * Builds the set of parts.
         *
         * @return the parts
         */
        public NeutralApi build() {
            return new NeutralApi(this);
        }
    }
}
