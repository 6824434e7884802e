-- The manager console (issue 13), portable to PostgreSQL and SQLite.
-- Today's "money collected today" reads the payments received since local midnight, by time.
CREATE INDEX payment_received ON payment (received_at);

-- Each integration's health for the Settings page: the last success and the last error (when and
-- what). Written where the integration is called, at most once a minute per integration unless
-- its state changes (docs/DATA-MODEL.md).
CREATE TABLE integration_health (
    name             VARCHAR(40)   NOT NULL PRIMARY KEY,
    last_success_at  TIMESTAMP WITH TIME ZONE,
    last_error_at    TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(1000)
);
