-- Webhooks (issue 6, part B): payments pushed by the payment system, delivery news from Twilio.

-- One row per payment the payment system reported. payment_id is its own id: a replayed webhook
-- hits the primary key and changes nothing. The balance before and after is kept so a person can
-- see what each payment did without replaying the history.
CREATE TABLE payment (
    payment_id            VARCHAR(100) NOT NULL PRIMARY KEY,
    member_id             VARCHAR(64)  NOT NULL REFERENCES member (member_id),
    amount_cents          BIGINT       NOT NULL,
    paid_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    balance_before_cents  BIGINT       NOT NULL,
    balance_after_cents   BIGINT       NOT NULL,
    CONSTRAINT payment_amount_positive CHECK (amount_cents > 0)
);
CREATE INDEX payment_member ON payment (member_id, paid_at);

-- Status callbacks find their message by Twilio's SID; STOP/START find members by their number.
CREATE INDEX outbound_message_provider ON outbound_message (provider_id);
CREATE INDEX member_phone ON member (phone);
