package io.dcb4j.core.journal;

import io.dcb4j.core.BillingProvider;
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
import io.dcb4j.core.internal.journal.JournaledApi;
import io.dcb4j.core.spi.JournalReferences;
import io.dcb4j.core.spi.ProviderClient;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a {@link ChargeJournal} to a {@link BillingProvider}. Provider clients built on
 * {@link ProviderClient} apply the journal of their {@link io.dcb4j.core.ClientOptions} themselves, and
 * {@link io.dcb4j.core.BillingProviders#create(String, java.util.Map, io.dcb4j.core.ClientOptions)} applies it to
 * every provider; this class is for the other cases.
 *
 * <p>With a journal, {@link Charges#charge}, {@link PinSubscriptions#confirmPin}, {@link Renewals#renew} and
 * {@link Refunds#refund}:
 * <ul>
 *   <li>record the intent (provider, operation, idempotency key, a digest of the request) before sending; when
 *       the journal cannot be written, fail closed with
 *       {@link io.dcb4j.core.error.JournalUnavailableException} and send nothing;</li>
 *   <li>record the outcome after the answer: completed (replayable), failed (nothing applied: the same request
 *       may be sent again), or unknown (a timeout, a transport error, a 5xx or an unreadable answer after
 *       sending: for the {@link Reconciler});</li>
 *   <li>return the recorded outcome, without sending, to a repeated call with the same key and the same
 *       request; refuse a different request under the same key, a key whose call is in progress and a key
 *       whose outcome is unknown, with {@link io.dcb4j.core.error.IdempotencyConflictException}.</li>
 * </ul>
 * The key of a charge is its {@link io.dcb4j.core.model.ChargeRequest#idempotencyKey()} (a random one is set
 * when it has none, and sent to the provider as that request's key); a PIN confirmation's is derived from its
 * challenge (so the subscriber can retry after a wrong PIN, which is a refusal), a renewal's from the
 * subscription reference (a renewal recorded more than an hour ago is a past period's, and renewing the same
 * reference again sends); a refund's is its {@link io.dcb4j.core.model.RefundRequest#idempotencyKey()} (a random
 * one is set when it has none, and sent to the provider as the refund's key), and a conflict the provider answers
 * to a refund (a refund under that key exists) leaves its outcome unknown, for the reconciler.
 *
 * <p>{@link ChargeConfirmations#confirm} is not journaled: the provider refuses a second confirmation of a
 * charge ({@link io.dcb4j.core.error.ConflictException}), so a repeat after a crash bills nothing twice, and
 * {@link Charges#status} tells what became of it. {@link ChargeCancellations#cancel} moves no money.
 */
public final class Journaling {

    private Journaling() {
    }

    /**
     * The provider with its money-moving writes recorded in {@code journal}, stamped by the system clock.
     * A provider client built on {@link ProviderClient} gives the references its status operations accept
     * before a write is sent; another provider is treated as knowing none. A client that already journals
     * (its options carry a journal) is returned as it is.
     *
     * @param provider the provider
     * @param journal the journal
     * @return a provider with the same id, capabilities and parts, whose writes are journaled
     */
    public static BillingProvider wrap(BillingProvider provider, ChargeJournal journal) {
        return wrap(provider, journal, Clock.systemUTC(), JournalReferences.NONE);
    }

    /**
     * The provider with its money-moving writes recorded in {@code journal}.
     *
     * @param provider the provider
     * @param journal the journal
     * @param clock the clock that stamps the entries
     * @param references what the provider knows before sending a write
     * @return a provider with the same id, capabilities and parts, whose writes are journaled
     */
    public static BillingProvider wrap(BillingProvider provider, ChargeJournal journal, Clock clock,
            JournalReferences references) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(references, "references");
        if (provider instanceof Wrapped
                || (provider instanceof ProviderClient client && client.chargeJournal().isPresent())) {
            return provider; // wrapped already, or journals itself
        }
        JournalReferences known = references == JournalReferences.NONE && provider instanceof ProviderClient client
                ? client.journalReferences() : references;
        io.dcb4j.core.spi.NeutralApi.Builder b = io.dcb4j.core.spi.NeutralApi.builder().journalReferences(known);
        provider.pinSubscriptions().ifPresent(b::pinSubscriptions);
        provider.charges().ifPresent(b::charges);
        provider.chargeConfirmations().ifPresent(b::chargeConfirmations);
        provider.chargeCancellations().ifPresent(b::chargeCancellations);
        provider.refunds().ifPresent(b::refunds);
        provider.subscriptions().ifPresent(b::subscriptions);
        provider.cancellations().ifPresent(b::cancellations);
        provider.renewals().ifPresent(b::renewals);
        provider.notifications().ifPresent(b::notifications);
        return new Wrapped(provider, JournaledApi.wrap(provider.id(), b.build(), journal, clock), known);
    }

    /** What a provider knows for its journal: a client's own references, or those it was wrapped with. */
    static JournalReferences references(BillingProvider provider) {
        if (provider instanceof Wrapped w) {
            return w.references;
        }
        return provider instanceof ProviderClient client ? client.journalReferences() : JournalReferences.NONE;
    }

    /** The wrapped provider: its parts journaled, everything else delegated. */
    private static final class Wrapped implements BillingProvider {
        private final BillingProvider delegate;
        private final io.dcb4j.core.spi.NeutralApi parts;
        private final JournalReferences references;

        Wrapped(BillingProvider delegate, io.dcb4j.core.spi.NeutralApi parts, JournalReferences references) {
            this.delegate = delegate;
            this.parts = parts;
            this.references = references;
        }

        @Override
        public String id() {
            return delegate.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return delegate.capabilities();
        }

        @Override
        public Optional<PinSubscriptions> pinSubscriptions() {
            return parts.pinSubscriptions();
        }

        @Override
        public Optional<Charges> charges() {
            return parts.charges();
        }

        @Override
        public Optional<ChargeConfirmations> chargeConfirmations() {
            return parts.chargeConfirmations();
        }

        @Override
        public Optional<ChargeCancellations> chargeCancellations() {
            return parts.chargeCancellations();
        }

        @Override
        public Optional<Refunds> refunds() {
            return parts.refunds();
        }

        @Override
        public Optional<Subscriptions> subscriptions() {
            return parts.subscriptions();
        }

        @Override
        public Optional<Cancellations> cancellations() {
            return parts.cancellations();
        }

        @Override
        public Optional<Renewals> renewals() {
            return parts.renewals();
        }

        @Override
        public Optional<NotificationParser> notifications() {
            return parts.notifications();
        }

        @Override
        public void close() {
            delegate.close();
        }

        @Override
        public String toString() {
            return delegate + " (journaled)";
        }
    }
}
