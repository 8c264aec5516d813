--liquibase formatted sql

-- dcb4j-store-jdbc, PostgreSQL, version 1: the state a fleet of dcb4j instances shares.
-- Usable as it is by Flyway (location classpath:db/dcb4j-store/postgresql), by Liquibase (formatted SQL, or the
-- changelog.xml beside it) and by JdbcStores.createSchema(dataSource). Never edit a released version: add a
-- V2__... file.

--changeset dcb4j:1-token
-- One row per token cache key (a digest of the provider account, never a credential). The row is the lock
-- that makes one instance at a time refresh the token (SELECT ... FOR UPDATE). token_value and refresh_token
-- hold "v1:" + AES-256-GCM ciphertext, or "plain:" + the value when the store was built storeInClear().
CREATE TABLE IF NOT EXISTS dcb4j_token (
    token_key          VARCHAR(200) PRIMARY KEY,
    value_digest       VARCHAR(64),
    token_value        TEXT,
    header_name        VARCHAR(100),
    scheme             VARCHAR(50),
    refresh_token      TEXT,
    refresh_expires_at TIMESTAMPTZ,
    expires_at         TIMESTAMPTZ,
    issued_at          TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ NOT NULL
);

--changeset dcb4j:1-event-claim
-- One row per claimed callback: claim_key is the SHA-256 of the provider and the event id. state CLAIMED
-- holds until lease_until (the end of the lease); COMPLETED until lease_until (the end of the retention).
CREATE TABLE IF NOT EXISTS dcb4j_event_claim (
    claim_key   VARCHAR(64) PRIMARY KEY,
    provider    VARCHAR(40) NOT NULL,
    state       VARCHAR(10) NOT NULL,
    holder      VARCHAR(36) NOT NULL,
    lease_until TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS dcb4j_event_claim_lease ON dcb4j_event_claim (lease_until);

--changeset dcb4j:1-charge-journal
-- One row per money-moving write (provider, idempotency key): the request as a digest, the outcome without
-- the subscriber's number. lease_until is held by the reconciler worker that resolves the entry.
CREATE TABLE IF NOT EXISTS dcb4j_charge_journal (
    provider         VARCHAR(40)  NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    operation        VARCHAR(20)  NOT NULL,
    request_digest   VARCHAR(64)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    version          BIGINT       NOT NULL,
    lookup_reference VARCHAR(255),
    outcome          TEXT,
    note             VARCHAR(300),
    attempts         INTEGER      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    lease_until      TIMESTAMPTZ,
    PRIMARY KEY (provider, idempotency_key)
);
CREATE INDEX IF NOT EXISTS dcb4j_charge_journal_open ON dcb4j_charge_journal (created_at)
    WHERE state IN ('PENDING', 'UNKNOWN', 'NEEDS_REVIEW');
CREATE INDEX IF NOT EXISTS dcb4j_charge_journal_finished ON dcb4j_charge_journal (updated_at)
    WHERE state IN ('COMPLETED', 'FAILED', 'RESOLVED');
