-- Real providers (issue 6, part A). V2 and V3 are taken by the scheduler and agent work.

-- A number the SMS provider called invalid or not mobile (Twilio 21211, 21614): GymOps treats it
-- like no phone until an import brings a different number.
ALTER TABLE member ADD COLUMN phone_unusable BOOLEAN DEFAULT FALSE NOT NULL;

-- send_attempts counts provider refusals worth a retry, so backoff grows and a message that
-- keeps failing ends; claimed_at lets a restart find messages left SENDING by a crash.
ALTER TABLE outbound_message ADD COLUMN send_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE outbound_message ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE outbound_message ADD COLUMN provider_id VARCHAR(64);

-- A report emailed to the manager carries its CSV in the row itself, so any node can send it.
ALTER TABLE outbound_message ADD COLUMN attachment_name VARCHAR(200);
ALTER TABLE outbound_message ADD COLUMN attachment_text VARCHAR(1000000);
CREATE INDEX outbound_message_claimed ON outbound_message (status, claimed_at);
