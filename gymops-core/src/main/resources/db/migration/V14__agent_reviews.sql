-- One review a day (agent.review_every: day, docs/ARCHITECTURE.md): before it asks the model, a
-- run looks for a run of the same club and workflow earlier that club-local day whose model
-- finished its review (mode_used 'agent', not a dry run). This partial index holds those runs only,
-- so the lookup stays small however many runs by the rules the hourly schedules add.
-- Portable: PostgreSQL and SQLite both index with a WHERE clause.
CREATE INDEX workflow_run_asked ON workflow_run (club_id, workflow, clock_at)
    WHERE mode_used = 'agent' AND dry_run = FALSE;
