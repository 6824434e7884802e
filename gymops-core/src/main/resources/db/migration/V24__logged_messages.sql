-- A message the log provider took (no SMS or email provider configured) is LOGGED, not SENT: it
-- never left, and no screen or summary may call it sent (docs/DATA-MODEL.md). The log provider's
-- ids are 'log-<id>'; the messages it took before this status existed become LOGGED. Portable.
UPDATE outbound_message SET status = 'LOGGED' WHERE status = 'SENT' AND provider_id LIKE 'log-%';
