-- Issue 15: texting law by the member's state, consent revoked in plain words, sender health.

-- The US state of the member's address (two-letter code), which decides their texting hours;
-- NULL when unknown (the phone's area code, then the club's state, stand in).
ALTER TABLE member ADD COLUMN state VARCHAR(2);

-- Every text a member sends the club's number, with what GymOps read in it. The key is Twilio's
-- MessageSid (or one made in Java when absent), so a retried webhook is stored once.
CREATE TABLE inbound_message (
    message_key   VARCHAR(64)   NOT NULL PRIMARY KEY,
    received_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    from_phone    VARCHAR(20)   NOT NULL,
    to_phone      VARCHAR(20),
    body          VARCHAR(1600) NOT NULL,
    meaning       VARCHAR(24)   NOT NULL,
    scope         VARCHAR(16),
    member_ids    VARCHAR(1000) NOT NULL
);
CREATE INDEX inbound_message_from ON inbound_message (from_phone, received_at);

-- A member who revoked consent for one kind of message only (an ambiguous "stop sending me
-- bills"): texts of that purpose are suppressed at delivery until the member opts in again.
CREATE TABLE member_purpose_opt_out (
    member_id     VARCHAR(64)   NOT NULL REFERENCES member (member_id),
    purpose       VARCHAR(16)   NOT NULL,
    opted_out_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, purpose)
);

-- An SMS sender the provider refuses for reasons of the sender itself (unregistered 10DLC,
-- unverified toll-free, carrier filtering): texts wait queued while a row exists. The row is
-- deleted when a test send succeeds or the manager releases the sender.
CREATE TABLE sms_sender_pause (
    sender        VARCHAR(64)   NOT NULL PRIMARY KEY,
    error_code    INTEGER       NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    paused_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
