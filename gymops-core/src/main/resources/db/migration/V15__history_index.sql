-- The collections workflows read the history of every member who owes (tens of thousands of rows
-- at 100,000 members: docs/BENCHMARKS.md). An index holding every column that read selects answers
-- it from the index alone, without a lookup of each row in the table; it replaces the index on
-- (member_id, attempted_at), which is its prefix and served the same queries. Portable.
CREATE INDEX collection_attempt_history
    ON collection_attempt (member_id, attempted_at, id, kind, channel, outcome);
DROP INDEX collection_attempt_member;
