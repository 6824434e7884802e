-- Manager in the loop (issue 12): approvals, collection holds, pay links, API tokens, the audit
-- log and paused workflows. Portable SQL (PostgreSQL, SQLite): text keys generated in Java,
-- no identity columns, no vendor functions.

-- A payment plan or other agreement: no reminders, invoices, escalations, referral or lock for the
-- member before hold_until (club-local date). One current hold per member; released holds stay
-- for the record, and every change is in audit_log.
CREATE TABLE collection_hold (
    member_id    VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES member (member_id),
    club_id      VARCHAR(40)  NOT NULL,
    hold_until   DATE         NOT NULL,
    reason       VARCHAR(500) NOT NULL,
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by  VARCHAR(100),
    released_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX collection_hold_club ON collection_hold (club_id);

-- A member's own pay link from the import or the club system; messaging.pay_link is the default.
CREATE TABLE member_pay_link (
    member_id   VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES member (member_id),
    url         VARCHAR(500) NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Who did what by hand or through the API: actor, time, the target and its state before and after.
CREATE TABLE audit_log (
    audit_id     VARCHAR(64)   NOT NULL PRIMARY KEY,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(100)  NOT NULL,
    club_id      VARCHAR(40),
    action       VARCHAR(64)   NOT NULL,
    target       VARCHAR(100)  NOT NULL,
    before_state VARCHAR(4000),
    after_state  VARCHAR(4000),
    reason       VARCHAR(1000)
);
CREATE INDEX audit_log_target ON audit_log (target, recorded_at);
CREATE INDEX audit_log_time ON audit_log (recorded_at);

-- Bearer tokens of the JSON API, stored as SHA-256 hex; the secret itself is shown once.
CREATE TABLE api_token (
    token_id     VARCHAR(40)  NOT NULL PRIMARY KEY,
    name         VARCHAR(100) NOT NULL,
    club_id      VARCHAR(40),
    token_hash   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT api_token_hash UNIQUE (token_hash),
    CONSTRAINT api_token_name UNIQUE (name)
);

-- A workflow paused for a club (club_id '*' for every club): the scheduler skips its fires.
CREATE TABLE paused_workflow (
    workflow   VARCHAR(40)  NOT NULL,
    club_id    VARCHAR(40)  NOT NULL,
    paused_by  VARCHAR(100) NOT NULL,
    paused_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT paused_workflow_pk PRIMARY KEY (workflow, club_id)
);

-- An approval: planned actions a person must release. status moves from pending exactly once, by
-- a conditional update, so two managers approving at once decide it once. An approved one is
-- executed by whoever claims it (claimed_at, execution_run) until executed_at is set; a claim older
-- than a few minutes is a crashed node's and may be taken over: the effects' own keys make the
-- second execution repeat nothing.
CREATE TABLE approval (
    approval_id   VARCHAR(40)   NOT NULL PRIMARY KEY,
    club_id       VARCHAR(40)   NOT NULL,
    kind          VARCHAR(32)   NOT NULL,
    workflow      VARCHAR(40)   NOT NULL,
    summary       VARCHAR(1000) NOT NULL,
    requested_by  VARCHAR(100)  NOT NULL,
    run_id        VARCHAR(40),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    decided_by    VARCHAR(100),
    decided_at    TIMESTAMP WITH TIME ZONE,
    reason        VARCHAR(1000),
    claimed_at    TIMESTAMP WITH TIME ZONE,
    executed_at   TIMESTAMP WITH TIME ZONE,
    execution_run VARCHAR(40),
    idempotency_key VARCHAR(200) NOT NULL,
    CONSTRAINT approval_key UNIQUE (idempotency_key),
    CONSTRAINT approval_status_known CHECK (status IN ('PENDING', 'APPROVED', 'DENIED', 'EXPIRED'))
);
CREATE INDEX approval_club_status ON approval (club_id, status);

-- The exact actions an approval covers, in plan order, with the text they would send.
CREATE TABLE approval_action (
    approval_id  VARCHAR(40)   NOT NULL REFERENCES approval (approval_id),
    seq          INTEGER       NOT NULL,
    member_id    VARCHAR(64),
    action       VARCHAR(40)   NOT NULL,
    detail       VARCHAR(200)  NOT NULL,
    rule_id      VARCHAR(100)  NOT NULL,
    inputs_json  VARCHAR(4000),
    effect_json  VARCHAR(4000) NOT NULL,
    rendered     VARCHAR(4000),
    outcome      VARCHAR(1000),
    CONSTRAINT approval_action_pk PRIMARY KEY (approval_id, seq)
);
