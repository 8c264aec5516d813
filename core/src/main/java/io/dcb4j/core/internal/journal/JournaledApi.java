package io.dcb4j.core.internal.journal;

import io.dcb4j.core.Charges;
import io.dcb4j.core.PinSubscriptions;
import io.dcb4j.core.Refunds;
import io.dcb4j.core.Renewals;
import io.dcb4j.core.error.ConflictException;
import io.dcb4j.core.error.DcbApiException;
import io.dcb4j.core.error.DcbException;
import io.dcb4j.core.error.DcbProtocolException;
import io.dcb4j.core.error.DcbTransportException;
import io.dcb4j.core.error.ErrorContext;
import io.dcb4j.core.error.IdempotencyConflictException;
import io.dcb4j.core.error.JournalUnavailableException;
import io.dcb4j.core.error.ProviderUnavailableException;
import io.dcb4j.core.journal.ChargeJournal;
import io.dcb4j.core.journal.JournalEntry;
import io.dcb4j.core.journal.JournalOperation;
import io.dcb4j.core.journal.JournalState;
import io.dcb4j.core.model.ChargeRef;
import io.dcb4j.core.model.ChargeRequest;
import io.dcb4j.core.model.ChargeResult;
import io.dcb4j.core.model.Msisdn;
import io.dcb4j.core.model.PinChallenge;
import io.dcb4j.core.model.RefundRef;
import io.dcb4j.core.model.RefundRequest;
import io.dcb4j.core.model.RefundResult;
import io.dcb4j.core.model.RenewResult;
import io.dcb4j.core.model.SubscriptionRef;
import io.dcb4j.core.model.SubscriptionResult;
import io.dcb4j.core.spi.JournalReferences;
import io.dcb4j.core.spi.NeutralApi;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the money-moving parts of a provider's neutral API with the charge journal: the intent is recorded
 * before sending (or the call fails closed), the outcome after the answer; a repeated key returns the recorded
 * outcome, another request under it is refused. Internal.
 */
public final class JournaledApi {

    /** A renewal recorded longer ago than this is a past period's: renewing the same reference sends again. */
    public static final Duration RENEW_REPLAY_WINDOW = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(JournaledApi.class);

    private final String provider;
    private final ChargeJournal journal;
    private final Clock clock;
    private final JournalReferences references;

    private JournaledApi(String provider, ChargeJournal journal, Clock clock, JournalReferences references) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.references = references == null ? JournalReferences.NONE : references;
    }

    /**
     * The same parts, with charges, PIN confirmations, renewals and refunds recorded in the journal.
     *
     * @param provider the provider id
     * @param api the provider's parts
     * @param journal the journal
     * @param clock the clock for the entries' times
     * @return the wrapped parts (the same capabilities)
     */
    public static NeutralApi wrap(String provider, NeutralApi api, ChargeJournal journal, Clock clock) {
        JournaledApi j = new JournaledApi(provider, journal, clock, api.journalReferences());
        NeutralApi.Builder b = NeutralApi.builder().journalReferences(api.journalReferences());
        api.pinSubscriptions().ifPresent(p -> b.pinSubscriptions(j.pins(p)));
        api.charges().ifPresent(c -> b.charges(j.charges(c)));
        api.chargeConfirmations().ifPresent(b::chargeConfirmations);
        api.chargeCancellations().ifPresent(b::chargeCancellations);
        api.refunds().ifPresent(r -> b.refunds(j.refunds(r)));
        api.subscriptions().ifPresent(b::subscriptions);
        api.cancellations().ifPresent(b::cancellations);
        api.renewals().ifPresent(r -> b.renewals(j.renewals(r)));
        api.notifications().ifPresent(b::notifications);
        return b.build();
    }

    /**
     * Wraps one charges part.
     *
     * @param provider the provider id
     * @param delegate the part
     * @param journal the journal
     * @param clock the clock
     * @param references the references known before sending
     * @return the wrapped part
     */
    public static Charges charges(String provider, Charges delegate, ChargeJournal journal, Clock clock,
            JournalReferences references) {
        return new JournaledApi(provider, journal, clock, references).charges(delegate);
    }

    private Charges charges(Charges delegate) {
        return new Charges() {
            @Override
            public ChargeResult charge(ChargeRequest request) {
                Objects.requireNonNull(request, "request");
                ChargeRequest keyed = request.idempotencyKey() != null ? request : withKey(request);
                String lookup = references.charge(keyed).map(ChargeRef::id).orElse(null);
                return run(JournalOperation.CHARGE, "charge", keyed.idempotencyKey(),
                        RequestDigests.charge(provider, keyed), lookup, keyed.msisdn(),
                        () -> delegate.charge(keyed), r -> r.charge().id(), OutcomeCodec::charge,
                        OutcomeCodec::readCharge);
            }

            @Override
            public ChargeResult status(ChargeRef charge) {
                return delegate.status(charge);
            }
        };
    }

    private static ChargeRequest withKey(ChargeRequest r) {
        return new ChargeRequest(r.msisdn(), r.amount(), r.offer(), r.description(), r.clientReference(),
                r.returnUrl(), UUID.randomUUID().toString(), r.params());
    }

    private io.dcb4j.core.PinSubscriptions pins(io.dcb4j.core.PinSubscriptions delegate) {
        return new io.dcb4j.core.PinSubscriptions() {
            @Override
            public PinChallenge requestPin(io.dcb4j.core.model.SubscribeRequest request) {
                return delegate.requestPin(request);
            }

            @Override
            public SubscriptionResult confirmPin(PinChallenge challenge, String pin) {
                Objects.requireNonNull(challenge, "challenge");
                String lookup = references.confirmPin(challenge).flatMap(SubscriptionRef::idIfKnown).orElse(null);
                return run(JournalOperation.CONFIRM_PIN, "confirmPin",
                        RequestDigests.confirmPinKey(provider, challenge),
                        RequestDigests.confirmPin(provider, challenge), lookup, challenge.request().msisdn(),
                        () -> delegate.confirmPin(challenge, pin), r -> r.subscription().id(),
                        OutcomeCodec::subscription, OutcomeCodec::readSubscription);
            }
        };
    }

    private Renewals renewals(Renewals delegate) {
        return subscription -> {
            Objects.requireNonNull(subscription, "subscription");
            return run(JournalOperation.RENEW, "renew", RequestDigests.renewKey(provider, subscription),
                    RequestDigests.renew(provider, subscription), subscription.id(), subscription.msisdn(),
                    () -> delegate.renew(subscription), r -> r.current().id(), OutcomeCodec::renew,
                    OutcomeCodec::readRenew);
        };
    }

    /**
     * Refunds keyed by the request's idempotency key (a random one is set when it has none, and sent as the
     * provider's key of the refund); the lookup reference is the refunded charge, the refund's id being issued
     * in the answer.
     */
    private Refunds refunds(Refunds delegate) {
        return new Refunds() {
            @Override
            public RefundResult refund(RefundRequest request) {
                Objects.requireNonNull(request, "request");
                RefundRequest keyed = request.idempotencyKey() != null ? request
                        : new RefundRequest(request.charge(), request.amount(), request.reason(),
                                request.clientReference(), UUID.randomUUID().toString(), request.params());
                return run(JournalOperation.REFUND, "refund", keyed.idempotencyKey(),
                        RequestDigests.refund(provider, keyed), keyed.charge().id(), null,
                        () -> delegate.refund(keyed), r -> null, (r, m) -> OutcomeCodec.refund(r),
                        (text, m) -> OutcomeCodec.readRefund(text));
            }

            @Override
            public RefundResult status(RefundRef refund) {
                return delegate.status(refund);
            }
        };
    }

    private <T> T run(JournalOperation operation, String opName, String key, String digest, String lookupBefore,
            Msisdn msisdn, Supplier<T> call, Function<T, String> lookupAfter, BiFunction<T, Msisdn, String> encode,
            BiFunction<String, Msisdn, T> decode) {
        ErrorContext context = ErrorContext.of(provider, opName);
        JournalEntry intent = JournalEntry.intent(provider, key, operation, digest, lookupBefore, clock.instant());
        ChargeJournal.Begin begin;
        try {
            begin = journal.begin(intent);
        } catch (RuntimeException e) {
            throw unavailable(context, e);
        }
        JournalEntry entry = begin.entry();
        if (!begin.created()) {
            if (!entry.requestDigest().equals(digest)) {
                throw conflict(context, IdempotencyConflictException.Reason.DIFFERENT_REQUEST,
                        "the idempotency key was used for a different request; nothing was sent");
            }
            switch (entry.state()) {
                case COMPLETED, RESOLVED -> {
                    if (!(operation == JournalOperation.RENEW && entry.updatedAt().plus(RENEW_REPLAY_WINDOW)
                            .isBefore(clock.instant()))) {
                        LOG.debug("{} {}: returning the recorded outcome of the same request", provider, opName);
                        return decode.apply(entry.outcome(), msisdn);
                    }
                    entry = restart(entry, digest, lookupBefore, context);
                }
                case FAILED -> entry = restart(entry, digest, lookupBefore, context);
                case PENDING -> throw conflict(context, IdempotencyConflictException.Reason.IN_PROGRESS,
                        "a call with this idempotency key is in progress; nothing was sent");
                case UNKNOWN -> throw conflict(context, IdempotencyConflictException.Reason.OUTCOME_UNKNOWN,
                        "a call with this idempotency key was sent and its outcome is not known yet; it is "
                                + "reconciled through the provider's status; nothing was sent");
                case NEEDS_REVIEW -> throw conflict(context, IdempotencyConflictException.Reason.NEEDS_REVIEW,
                        "the outcome of an earlier call with this idempotency key needs a manual review; "
                                + "nothing was sent");
                default -> throw new IllegalStateException("unknown journal state " + entry.state());
            }
        }
        T result;
        try {
            result = call.get();
        } catch (RuntimeException | Error e) {
            // a conflict on a refund means the provider holds a refund under this key (or reference) already
            boolean unknown = outcomeUnknown(e) || (operation == JournalOperation.REFUND
                    && e instanceof ConflictException);
            record(entry, entry.next(unknown ? JournalState.UNKNOWN : JournalState.FAILED, null, null,
                    e.getClass().getSimpleName(), clock.instant()), opName);
            throw e;
        }
        String lookup = result == null ? null : lookupAfter.apply(result);
        record(entry, entry.next(JournalState.COMPLETED, lookup, encode.apply(result, msisdn), null, clock.instant()),
                opName);
        return result;
    }

    private JournalEntry restart(JournalEntry entry, String digest, String lookupBefore, ErrorContext context) {
        JournalEntry again = entry.restart(digest, lookupBefore, clock.instant());
        boolean swapped;
        try {
            swapped = journal.update(entry, again);
        } catch (RuntimeException e) {
            throw unavailable(context, e);
        }
        if (!swapped) {
            throw conflict(context, IdempotencyConflictException.Reason.IN_PROGRESS,
                    "another call with this idempotency key started meanwhile; nothing was sent");
        }
        return again;
    }

    /** Records an outcome; a journal failure here is logged, not thrown: the caller gets the provider's answer. */
    private void record(JournalEntry from, JournalEntry to, String opName) {
        try {
            if (!journal.update(from, to)) {
                LOG.warn("{} {}: the journal entry changed while the call ran; the reconciler resolves it", provider,
                        opName);
            }
        } catch (RuntimeException e) {
            LOG.warn("{} {}: the outcome could not be recorded in the journal ({}); the entry stays pending and the "
                    + "reconciler resolves it", provider, opName, e.getClass().getSimpleName());
        }
    }

    /**
     * Whether a failure may have left the write applied: a transport failure, an unreadable answer, a 5xx, or
     * anything unexpected. A refusal the provider answered (4xx, a business error) and a request refused before
     * sending applied nothing.
     */
    static boolean outcomeUnknown(Throwable e) {
        if (e instanceof DcbTransportException || e instanceof DcbProtocolException
                || e instanceof ProviderUnavailableException) {
            return true;
        }
        if (e instanceof DcbApiException api) {
            return api.httpStatus().isPresent() && api.httpStatus().getAsInt() >= 500;
        }
        if (e instanceof DcbException) {
            return false;
        }
        return !(e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof NullPointerException || e instanceof UnsupportedOperationException);
    }

    private static IdempotencyConflictException conflict(ErrorContext context,
            IdempotencyConflictException.Reason reason, String summary) {
        return new IdempotencyConflictException(summary, context, reason);
    }

    private static JournalUnavailableException unavailable(ErrorContext context, RuntimeException e) {
        return new JournalUnavailableException("the charge journal could not record the intent ("
                + e.getClass().getSimpleName() + "); nothing was sent", context, e);
    }
}
