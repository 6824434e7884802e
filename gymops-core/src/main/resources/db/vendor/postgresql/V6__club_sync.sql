-- Club-system sync (issue 6, part B): how far the last pull got. The next pull asks for members
-- updated at or after the watermark, so a failed pull is simply repeated.
CREATE TABLE sync_state (
    name       VARCHAR(64) NOT NULL PRIMARY KEY,
    watermark  TIMESTAMP WITH TIME ZONE NOT NULL,
    synced_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
