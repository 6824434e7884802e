-- The scheduler (db-scheduler) and the fire log, SQLite edition.

-- db-scheduler's own table, as PostgreSQL's V2 has it: one row per task instance. db-scheduler
-- binds its own instants, which the SQLite driver stores as epoch milliseconds (INTEGER). The
-- recurring workflow executions (one per workflow and club) and the dispatcher live here, so they
-- survive restarts and every node of a cluster sees the same schedule.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BLOB,
    execution_time       INTEGER NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         INTEGER,
    last_failure         INTEGER,
    consecutive_failures INT,
    last_heartbeat       INTEGER,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- One row per scheduled fire, written before the run starts. The key is what proves that each
-- (workflow, club, scheduled instant) fired once across every node; a fire taken over from a dead
-- node, or retried after a failure, finds its row and counts an attempt instead.
CREATE TABLE schedule_fire (
    workflow         VARCHAR(40)  NOT NULL,
    club_id          VARCHAR(40)  NOT NULL,
    scheduled_for    TEXT NOT NULL,
    first_fired_at   TEXT NOT NULL,
    last_fired_at    TEXT NOT NULL,
    node             VARCHAR(200) NOT NULL,
    attempts         INT          NOT NULL,
    CONSTRAINT schedule_fire_once UNIQUE (workflow, club_id, scheduled_for)
);
