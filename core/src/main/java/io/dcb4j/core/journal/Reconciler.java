package io.dcb4j.core.journal;

import io.dcb4j.core.BillingProvider;
import io.dcb4j.core.Charges;
import io.dcb4j.core.Subscriptions;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.NotFoundException;
import io.dcb4j.core.internal.journal.OutcomeCodec;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.ChargeState;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionInfo;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.model.SubscriptionState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the intents that a crash, a timeout or a transport error left open in a {@link ChargeJournal}: each
 * {@link #runOnce()} leases a batch of {@link JournalState#UNKNOWN} entries and of {@link JournalState#PENDING}
 * ones older than {@link Builder#staleAfter stale-after}, asks the provider's status operation
 * ({@link Charges#status} for charges, {@link Subscriptions#status} for PIN confirmations and renewals) with the
 * reference the journal recorded, or, for a refund, finds it by the charge and the idempotency key it was sent
 * with ({@link io.dcb4j.core.spi.JournalReferences#findRefund}, where the provider offers it), publishes what it
 * learnt to the {@link ReconcileListener}, then records it.
 *
 * <p>Guarantees: nothing is ever sent again by the reconciler (it only reads status); an entry the provider has
 * no status operation for, or no reference to query it by, is marked {@link JournalState#NEEDS_REVIEW} at once
 * and never retried; a status query that fails (the provider is down) leaves the entry for a later run, and after
 * {@link Builder#maxAttempts max-attempts} failures it needs review too. Workers on several instances lease
 * distinct entries. Thread-safe; run it on a schedule (every minute, say) on one or more instances.
 */
public final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final ChargeJournal journal;
    private final Map<String, BillingProvider> providers;
    private final ReconcileListener listener;
    private final Clock clock;
    private final Duration staleAfter;
    private final Duration lease;
    private final int batchSize;
    private final int maxAttempts;
    private final Function<JournalEntry, Optional<Msisdn>> subscribers;

    private Reconciler(Builder b) {
        this.journal = Objects.requireNonNull(b.journal, "journal");
        this.providers = Map.copyOf(b.providers);
        this.listener = b.listener;
        this.clock = b.clock;
        this.staleAfter = positive(b.staleAfter, "staleAfter");
        this.lease = positive(b.lease, "lease");
        if (b.batchSize < 1 || b.maxAttempts < 1) {
            throw new IllegalArgumentException("batchSize and maxAttempts must be at least 1");
        }
        this.batchSize = b.batchSize;
        this.maxAttempts = b.maxAttempts;
        this.subscribers = b.subscribers;
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }

    /**
     * Starts a builder.
     *
     * @param journal the journal to reconcile
     * @return the builder
     */
    public static Builder builder(ChargeJournal journal) {
        return new Builder(journal);
    }

    /**
     * The open entries, without resolving or leasing anything: a dry run.
     *
     * @param limit at most this many
     * @return the entries, oldest first
     */
    public List<JournalEntry> open(int limit) {
        return journal.open(limit);
    }

    /**
     * Leases one batch of open entries of the registered providers and resolves each.
     *
     * @return what was learnt, in order
     */
    public List<Resolution> runOnce() {
        Instant now = clock.instant();
        List<JournalEntry> batch = journal.claimOpen(providers.keySet(), now.minus(staleAfter), now, lease,
                batchSize);
        List<Resolution> out = new ArrayList<>(batch.size());
        for (JournalEntry entry : batch) {
            Resolution r = resolve(entry);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private Resolution resolve(JournalEntry entry) {
        BillingProvider provider = providers.get(entry.provider());
        Optional<String> lookup = entry.lookup();
        Optional<?> statusPart = switch (entry.operation()) {
            case CHARGE -> provider.charges();
            case REFUND -> provider.refunds();
            default -> provider.subscriptions();
        };
        if (statusPart.isEmpty()) {
            return review(entry, "the provider has no status operation for " + entry.operation());
        }
        if (lookup.isEmpty()) {
            return review(entry, "no provider reference was known before the call and no answer came");
        }
        Instant now = clock.instant();
        try {
            if (entry.operation() == JournalOperation.CHARGE) {
                ChargeResult status = ((Charges) statusPart.get()).status(ChargeRef.of(lookup.get()));
                JournalEntry next = entry.next(JournalState.RESOLVED, null, OutcomeCodec.charge(status, null),
                        null, now);
                return publish(entry, new Resolution(next, Resolution.Kind.RESOLVED, status, null, null));
            }
            if (entry.operation() == JournalOperation.REFUND) {
                Optional<RefundResult> refund = Journaling.references(provider)
                        .findRefund(ChargeRef.of(lookup.get()), entry.idempotencyKey());
                if (refund.isEmpty()) {
                    return review(entry, "the provider cannot find a refund by its idempotency key");
                }
                JournalEntry next = entry.next(JournalState.RESOLVED, null, OutcomeCodec.refund(refund.get()), null,
                        now);
                return publish(entry, new Resolution(next, Resolution.Kind.RESOLVED, null, null, refund.get(),
                        null));
            }
            SubscriptionRef ref = new SubscriptionRef(lookup.get(), subscribers.apply(entry).orElse(null), null);
            SubscriptionInfo info = ((Subscriptions) statusPart.get()).status(ref);
            String outcome = entry.operation() == JournalOperation.CONFIRM_PIN
                    ? OutcomeCodec.subscription(new SubscriptionResult(info.subscription(), info.state(),
                            info.rawState(), null, false, info.details()), ref.msisdn())
                    : OutcomeCodec.renew(renewal(ref, info), ref.msisdn());
            JournalEntry next = entry.next(JournalState.RESOLVED, null, outcome, null, now);
            return publish(entry, new Resolution(next, Resolution.Kind.RESOLVED, null, info, null));
        } catch (NotFoundException e) {
            JournalEntry next = entry.next(JournalState.FAILED, null, null, "not found by status", now);
            return publish(entry, new Resolution(next, Resolution.Kind.NOT_APPLIED, null, null,
                    "the provider does not know it"));
        } catch (IllegalArgumentException e) {
            // the status operation needs what the journal does not keep (the subscriber's number)
            return review(entry, "the status operation refused the recorded reference: "
                    + e.getClass().getSimpleName());
        } catch (DcbException e) {
            String reason = e.getClass().getSimpleName();
            if (entry.attempts() + 1 >= maxAttempts) {
                return review(entry, entry.attempted(reason, now), "status failed " + maxAttempts
                        + " times, last: " + reason);
            }
            JournalEntry next = entry.attempted(reason, now);
            Resolution r = new Resolution(next, Resolution.Kind.STILL_UNKNOWN, null, null, reason);
            return publish(entry, r);
        }
    }

    /** A renewal seen through the subscription's status: renewed when active, else not. */
    private static RenewResult renewal(SubscriptionRef ref, SubscriptionInfo info) {
        ChargeState state = switch (info.state()) {
            case ACTIVE -> ChargeState.SUCCEEDED;
            case SUSPENDED, CANCELLED, EXPIRED -> ChargeState.DENIED;
            default -> ChargeState.UNKNOWN;
        };
        Map<String, String> details = new LinkedHashMap<>(info.details());
        details.put("reconciledFrom", "subscription status");
        return new RenewResult(ref, info.subscription(), RenewResult.Outcome.ALREADY_RENEWED, state, null,
                info.rawState(), details);
    }

    private Resolution review(JournalEntry entry, String reason) {
        return review(entry, entry, reason);
    }

    private Resolution review(JournalEntry stored, JournalEntry base, String reason) {
        JournalEntry next = base.next(JournalState.NEEDS_REVIEW, null, base.outcome(), reason, clock.instant());
        return publish(stored, new Resolution(next, Resolution.Kind.NEEDS_REVIEW, null, null, reason));
    }

    /** Publishes, then records; a listener failure records nothing (the entry comes back in a later run). */
    private Resolution publish(JournalEntry from, Resolution r) {
        try {
            listener.onResolution(r);
        } catch (RuntimeException e) {
            LOG.warn("reconcile listener failed for {} ({}); it is tried again later", from,
                    e.getClass().getSimpleName());
            return null;
        }
        if (!journal.update(from, r.entry())) {
            LOG.info("{} changed while it was reconciled; the newer state stays", from);
        }
        return r;
    }

    /** Builds a {@link Reconciler}. */
    public static final class Builder {
        private final ChargeJournal journal;
        private final Map<String, BillingProvider> providers = new LinkedHashMap<>();
        private ReconcileListener listener = r -> {
        };
        private Clock clock = Clock.systemUTC();
        private Duration staleAfter = Duration.ofMinutes(5);
        private Duration lease = Duration.ofMinutes(2);
        private int batchSize = 100;
        private int maxAttempts = 20;
        private Function<JournalEntry, Optional<Msisdn>> subscribers = e -> Optional.empty();

        private Builder(ChargeJournal journal) {
            this.journal = journal;
        }

        /**
         * A provider whose entries this reconciler resolves (by its {@link BillingProvider#id()}). Entries of
         * providers not registered are left to another reconciler.
         *
         * @param provider the client, the same account the writes were sent with
         * @return this builder
         */
        public Builder provider(BillingProvider provider) {
            providers.put(provider.id(), provider);
            return this;
        }

        /**
         * Who hears the resolutions; none by default.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ReconcileListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The clock; the system UTC clock by default.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How old a {@link JournalState#PENDING} entry must be to count as abandoned: longer than a call can
         * take (the client's call timeout); 5 minutes by default.
         *
         * @param age positive
         * @return this builder
         */
        public Builder staleAfter(Duration age) {
            this.staleAfter = age;
            return this;
        }

        /**
         * How long a run holds the entries it works on; 2 minutes by default.
         *
         * @param lease positive, longer than a batch takes
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = lease;
            return this;
        }

        /**
         * How many entries one run resolves at most; 100 by default.
         *
         * @param size at least 1
         * @return this builder
         */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /**
         * After how many failed status queries an entry needs review; 20 by default.
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Where the subscriber's number comes from for providers whose subscription status needs it (the
         * journal never keeps it): the merchant's own records, by idempotency key. None by default: such
         * entries need review.
         *
         * @param lookup the merchant's lookup
         * @return this builder
         */
        public Builder subscribers(Function<JournalEntry, Optional<Msisdn>> lookup) {
            this.subscribers = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Builds the reconciler.
         *
         * @return the reconciler
         */
        public Reconciler build() {
            return new Reconciler(this);
        }
    }
}
