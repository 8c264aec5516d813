/**
 * The charge journal: durable intents and outcomes of the money-moving writes of the neutral API
 * ({@link io.dcb4j.core.Charges#charge}, {@link io.dcb4j.core.PinSubscriptions#confirmPin},
 * {@link io.dcb4j.core.Renewals#renew}, {@link io.dcb4j.core.Refunds#refund}), keyed by idempotency key, and the {@link io.dcb4j.core.journal.Reconciler}
 * that resolves the intents a crash, a timeout or a transport error left open through the provider's status
 * operation (a refund: by its idempotency key). {@link io.dcb4j.core.journal.ChargeJournal#inMemory()} serves one JVM; {@code dcb4j-store-jdbc}
 * shares the journal between the instances of a fleet.
 */
package io.dcb4j.core.journal;
