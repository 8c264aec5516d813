/**
 * Shared, durable state for a fleet of dcb4j instances on one database: {@link io.dcb4j.store.jdbc.JdbcTokenStore}
 * (one token request per expiry across the fleet), {@link io.dcb4j.store.jdbc.JdbcEventDeduplicator} (one
 * instance processes each callback), {@link io.dcb4j.store.jdbc.JdbcChargeJournal} (money-moving writes that
 * survive a crash, for the {@link io.dcb4j.core.journal.Reconciler}); {@link io.dcb4j.store.jdbc.JdbcStores}
 * creates the schema.
 */
package io.dcb4j.store.jdbc;
