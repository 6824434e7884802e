-- Stripe and Square as payment providers (docs/INTEGRATIONS.md). Portable: ADD COLUMN of a nullable
-- column and plain tables read the same on SQLite and PostgreSQL.

-- The provider's id of the member as a customer (Stripe's cus_..., Square's customer id): how a
-- provider's event finds its member. From the import's payment_customer_id or the club system.
ALTER TABLE member ADD COLUMN payment_customer_id VARCHAR(255);
CREATE INDEX member_payment_customer ON member (payment_customer_id);

-- Each provider event handled, by the provider's own event id: a resent event changes nothing.
-- Written after the event's effects, which are idempotent themselves, so a process killed between
-- the two is finished by the provider's resend.
CREATE TABLE provider_event (
    provider     VARCHAR(16)   NOT NULL,
    event_id     VARCHAR(255)  NOT NULL,
    event_type   VARCHAR(64)   NOT NULL,
    member_id    VARCHAR(64),
    received_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- One row per provider invoice GymOps heard of: a failed one opens (or updates) the member's
-- delinquency by its amount, with the provider's next retry and pay link; paid_cents is what the
-- provider's paid events brought so far, so a second payment on one invoice counts only its part.
CREATE TABLE provider_invoice (
    provider       VARCHAR(16)   NOT NULL,
    invoice_id     VARCHAR(255)  NOT NULL,
    member_id      VARCHAR(64)   NOT NULL REFERENCES member (member_id),
    amount_cents   BIGINT        NOT NULL,
    paid_cents     BIGINT        NOT NULL,
    open           BOOLEAN       NOT NULL,
    since          DATE          NOT NULL,
    attempt_count  INTEGER       NOT NULL,
    next_retry_at  TIMESTAMP WITH TIME ZONE,
    pay_url        VARCHAR(1000),
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider, invoice_id)
);
CREATE INDEX provider_invoice_member ON provider_invoice (member_id);
