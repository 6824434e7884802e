-- The SQLite edition of PostgreSQL's V1 (db/vendor/postgresql): the same tables, columns and keys.
-- Money is held in cents; enums as their names; booleans as 0/1; instants as fixed-width ISO-8601
-- UTC text (2026-11-25T15:30:00.000000Z), so they sort and compare in SQL as instants do; dates as
-- yyyy-MM-dd text. Surrogate ids are INTEGER PRIMARY KEY (SQLite's rowid) instead of identities.

CREATE TABLE member (
    member_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    club_id         VARCHAR(40)  NOT NULL,
    first_name      VARCHAR(100) NOT NULL,
    last_name       VARCHAR(100) NOT NULL,
    phone           VARCHAR(20),
    email           VARCHAR(254),
    status          VARCHAR(16)  NOT NULL,
    joined_on       DATE,
    past_due_cents  BIGINT       NOT NULL DEFAULT 0,
    past_due_since  DATE,
    sms_consent     BOOLEAN      NOT NULL,
    sms_opted_out   BOOLEAN      NOT NULL,
    door_state      VARCHAR(8)   NOT NULL,
    lock_reason     VARCHAR(16),
    updated_at      TEXT NOT NULL,
    CONSTRAINT member_past_due_not_negative CHECK (past_due_cents >= 0),
    CONSTRAINT member_status_known CHECK (status IN ('PROSPECT', 'ACTIVE', 'PPV', 'FROZEN', 'CANCELLED')),
    CONSTRAINT member_door_known CHECK (
        (door_state = 'ACTIVE' AND lock_reason IS NULL)
        OR (door_state = 'LOCKED' AND lock_reason IN ('PAYMENT', 'OTHER')))
);
CREATE INDEX member_club_past_due ON member (club_id, past_due_cents);
CREATE INDEX member_club_status ON member (club_id, status);

-- Every row written by a workflow carries an idempotency key: the unique constraint is what
-- makes a rerun, a retry or a racing node a no-op (DESIGN 1.2).
CREATE TABLE collection_attempt (
    id               INTEGER PRIMARY KEY,
    member_id        VARCHAR(64)  NOT NULL REFERENCES member (member_id),
    attempted_at     TEXT NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    channel          VARCHAR(8)   NOT NULL,
    outcome          VARCHAR(16)  NOT NULL,
    message_id       BIGINT,
    run_id           VARCHAR(40),
    idempotency_key  VARCHAR(200) NOT NULL,
    CONSTRAINT collection_attempt_key UNIQUE (idempotency_key)
);
CREATE INDEX collection_attempt_member ON collection_attempt (member_id, attempted_at);

CREATE TABLE member_note (
    id               INTEGER PRIMARY KEY,
    member_id        VARCHAR(64)   NOT NULL REFERENCES member (member_id),
    created_at       TEXT NOT NULL,
    priority         VARCHAR(16)   NOT NULL,
    category         VARCHAR(16)   NOT NULL,
    note_text        VARCHAR(4000) NOT NULL,
    author           VARCHAR(100)  NOT NULL,
    run_id           VARCHAR(40),
    idempotency_key  VARCHAR(200)  NOT NULL,
    CONSTRAINT member_note_key UNIQUE (idempotency_key)
);
CREATE INDEX member_note_member ON member_note (member_id, created_at);

CREATE TABLE outbound_message (
    id               INTEGER PRIMARY KEY,
    idempotency_key  VARCHAR(200)  NOT NULL,
    club_id          VARCHAR(40)   NOT NULL,
    member_id        VARCHAR(64),
    channel          VARCHAR(8)    NOT NULL,
    recipient        VARCHAR(254)  NOT NULL,
    purpose          VARCHAR(16)   NOT NULL,
    template_key     VARCHAR(64),
    subject          VARCHAR(200),
    body             VARCHAR(4000) NOT NULL,
    segments         INTEGER       NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    created_at       TEXT NOT NULL,
    not_before       TEXT NOT NULL,
    sent_at          TEXT,
    error            VARCHAR(1000),
    run_id           VARCHAR(40),
    CONSTRAINT outbound_message_key UNIQUE (idempotency_key)
);
CREATE INDEX outbound_message_due ON outbound_message (status, not_before);
CREATE INDEX outbound_message_member ON outbound_message (member_id, created_at);

CREATE TABLE door_change (
    id               INTEGER PRIMARY KEY,
    member_id        VARCHAR(64)  NOT NULL REFERENCES member (member_id),
    changed_at       TEXT NOT NULL,
    new_state        VARCHAR(8)   NOT NULL,
    lock_reason      VARCHAR(16),
    run_id           VARCHAR(40),
    idempotency_key  VARCHAR(200) NOT NULL,
    CONSTRAINT door_change_key UNIQUE (idempotency_key)
);
CREATE INDEX door_change_member ON door_change (member_id, changed_at);

CREATE TABLE referral (
    id               INTEGER PRIMARY KEY,
    member_id        VARCHAR(64)  NOT NULL REFERENCES member (member_id),
    club_id          VARCHAR(40)  NOT NULL,
    referred_on      DATE         NOT NULL,
    amount_cents     BIGINT       NOT NULL,
    attempts         INTEGER      NOT NULL,
    closed_on        DATE,
    run_id           VARCHAR(40),
    idempotency_key  VARCHAR(200) NOT NULL,
    CONSTRAINT referral_key UNIQUE (idempotency_key)
);
CREATE INDEX referral_member ON referral (member_id);

CREATE TABLE workflow_run (
    run_id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    workflow         VARCHAR(40)  NOT NULL,
    club_id          VARCHAR(40)  NOT NULL,
    mode             VARCHAR(16)  NOT NULL,
    mode_used        VARCHAR(16),
    dry_run          BOOLEAN      NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    clock_at         TEXT NOT NULL,
    started_at       TEXT NOT NULL,
    finished_at      TEXT,
    summary_json     VARCHAR(1000000),
    report_json      VARCHAR(1000000),
    error            VARCHAR(4000)
);
CREATE INDEX workflow_run_started ON workflow_run (started_at);

CREATE TABLE run_event (
    id               INTEGER PRIMARY KEY,
    run_id           VARCHAR(40)   NOT NULL REFERENCES workflow_run (run_id),
    seq              INTEGER       NOT NULL,
    member_id        VARCHAR(64),
    action           VARCHAR(40)   NOT NULL,
    detail           VARCHAR(200),
    rule             VARCHAR(80)   NOT NULL,
    inputs_json      VARCHAR(4000),
    outcome          VARCHAR(40)   NOT NULL,
    CONSTRAINT run_event_seq UNIQUE (run_id, seq)
);

-- A lease per (workflow, club): whoever inserts the row runs; others see the key taken.
CREATE TABLE workflow_lock (
    workflow         VARCHAR(40)  NOT NULL,
    club_id          VARCHAR(40)  NOT NULL,
    run_id           VARCHAR(40)  NOT NULL,
    acquired_at      TEXT NOT NULL,
    expires_at       TEXT NOT NULL,
    PRIMARY KEY (workflow, club_id)
);

-- The last escalation reasons per member, so an unchanged case is not re-noted within a week.
CREATE TABLE escalation (
    id               INTEGER PRIMARY KEY,
    member_id        VARCHAR(64)  NOT NULL REFERENCES member (member_id),
    escalated_on     DATE         NOT NULL,
    reasons          VARCHAR(200) NOT NULL,
    run_id           VARCHAR(40),
    idempotency_key  VARCHAR(200) NOT NULL,
    CONSTRAINT escalation_key UNIQUE (idempotency_key)
);
CREATE INDEX escalation_member ON escalation (member_id, escalated_on);
