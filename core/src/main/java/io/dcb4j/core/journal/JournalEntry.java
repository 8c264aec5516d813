package io.dcb4j.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One intent and what became of it. Holds no personal data in clear: the request is kept as a digest, the
 * outcome with the subscriber's number taken out (it is put back from the caller's request on replay).
 *
 * @param provider the provider id
 * @param idempotencyKey the key: the caller's (or a generated one) for charges and refunds, derived from the
 *     challenge or the subscription for PIN confirmations and renewals
 * @param operation the operation
 * @param requestDigest a SHA-256 digest of the request (the PIN left out), to refuse another request under the
 *     same key
 * @param state where the intent stands
 * @param version incremented on every change: {@link ChargeJournal#update} compares it
 * @param lookupReference the provider's reference the status operation takes (a charge or subscription id;
 *     for a refund, the refunded charge's id, the refund being found by its key), when known; null otherwise
 * @param outcome the recorded outcome, an opaque text written and read by dcb4j; null while none
 * @param note why the entry failed or needs review (an exception type, a reason), never provider text; or null
 * @param attempts how many times the reconciler tried to resolve it
 * @param createdAt when the intent was first recorded
 * @param updatedAt when the entry last changed
 */
public record JournalEntry(
        String provider,
        String idempotencyKey,
        JournalOperation operation,
        String requestDigest,
        JournalState state,
        long version,
        String lookupReference,
        String outcome,
        String note,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {

    /**
     * Validates.
     *
     * @param provider required
     * @param idempotencyKey required
     * @param operation required
     * @param requestDigest required
     * @param state required
     * @param version from 0
     * @param lookupReference optional
     * @param outcome optional
     * @param note optional
     * @param attempts from 0
     * @param createdAt required
     * @param updatedAt required
     */
    public JournalEntry {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(requestDigest, "requestDigest");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 0 || attempts < 0) {
            throw new IllegalArgumentException("version and attempts must not be negative");
        }
    }

    /**
     * A new intent, {@link JournalState#PENDING} at version 0.
     *
     * @param provider the provider id
     * @param idempotencyKey the key
     * @param operation the operation
     * @param requestDigest the request's digest
     * @param lookupReference the provider's reference known before sending, or null
     * @param now the time
     * @return the entry
     */
    public static JournalEntry intent(String provider, String idempotencyKey, JournalOperation operation,
            String requestDigest, String lookupReference, Instant now) {
        return new JournalEntry(provider, idempotencyKey, operation, requestDigest, JournalState.PENDING, 0,
                lookupReference, null, null, 0, now, now);
    }

    /**
     * The next version of this entry.
     *
     * @param newState the state
     * @param newLookup the lookup reference, or null to keep this one's
     * @param newOutcome the outcome (null for none)
     * @param newNote the note (null for none)
     * @param now the time of the change
     * @return the entry at {@code version + 1}
     */
    public JournalEntry next(JournalState newState, String newLookup, String newOutcome, String newNote,
            Instant now) {
        return new JournalEntry(provider, idempotencyKey, operation, requestDigest, newState, version + 1,
                newLookup == null ? lookupReference : newLookup, newOutcome, newNote, attempts, createdAt, now);
    }

    /**
     * A copy for a new attempt of the same key (after {@link JournalState#FAILED}): {@link JournalState#PENDING}
     * again, with the new request's digest, at {@code version + 1}.
     *
     * @param digest the new request's digest
     * @param lookup the reference known before sending, or null
     * @param now the time
     * @return the entry
     */
    public JournalEntry restart(String digest, String lookup, Instant now) {
        return new JournalEntry(provider, idempotencyKey, operation, digest, JournalState.PENDING, version + 1,
                lookup, null, null, 0, now, now);
    }

    /**
     * A copy with one more reconciliation attempt, at {@code version + 1}.
     *
     * @param newNote why the attempt did not resolve it
     * @param now the time
     * @return the entry
     */
    public JournalEntry attempted(String newNote, Instant now) {
        return new JournalEntry(provider, idempotencyKey, operation, requestDigest, state, version + 1,
                lookupReference, outcome, newNote, attempts + 1, createdAt, now);
    }

    /**
     * The lookup reference.
     *
     * @return the provider's reference for the status operation, when known
     */
    public Optional<String> lookup() {
        return Optional.ofNullable(lookupReference);
    }

    /** Never shows the outcome (it may hold provider text). */
    @Override
    public String toString() {
        return "JournalEntry[" + provider + ", " + operation + ", key digest "
                + io.dcb4j.core.spi.support.Digests.sha256Hex(idempotencyKey, 6) + ", " + state + ", v" + version
                + ", attempts=" + attempts + ", createdAt=" + createdAt + "]";
    }
}
