package io.dcb4j.core.journal;

/**
 * Receives what the {@link Reconciler} learnt. Called before the reconciler records it in the journal, so that
 * a crash in between publishes the resolution again on the next run: the listener is called at least once per
 * resolution and must be idempotent (key it by {@link JournalEntry#idempotencyKey()}). When it throws, nothing
 * is recorded and the entry is tried again by a later run.
 */
@FunctionalInterface
public interface ReconcileListener {

    /**
     * One resolution.
     *
     * @param resolution what was learnt
     */
    void onResolution(Resolution resolution);
}
