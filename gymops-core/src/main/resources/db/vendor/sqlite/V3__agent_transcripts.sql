-- Every LLM request and response of an agent run, in order, secrets redacted (docs/DATA-MODEL.md).
-- A request stores only the messages it added to the conversation (its JSON says from which
-- index), so a run's transcript grows with its turns, not with the square of them.
CREATE TABLE agent_transcript (
    id               INTEGER PRIMARY KEY,
    run_id           VARCHAR(40)   NOT NULL REFERENCES workflow_run (run_id),
    seq              INTEGER       NOT NULL,
    kind             VARCHAR(16)   NOT NULL,
    recorded_at      TEXT NOT NULL,
    body             VARCHAR(1000000) NOT NULL,
    CONSTRAINT agent_transcript_seq UNIQUE (run_id, seq)
);
