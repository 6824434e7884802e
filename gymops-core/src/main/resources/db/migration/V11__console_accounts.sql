-- The manager console (issue 13): its users, their sessions and the login throttle.
-- Portable SQL: PostgreSQL and SQLite read it alike; keys are natural or made in Java.

-- A console user, keyed by the lowercased email they log in with. all_clubs: the user sees every
-- club; otherwise only the clubs listed in console_user_club.
CREATE TABLE console_user (
    email          VARCHAR(254) NOT NULL PRIMARY KEY,
    role           VARCHAR(16)  NOT NULL,
    all_clubs      BOOLEAN      NOT NULL,
    password_hash  VARCHAR(200) NOT NULL,
    disabled       BOOLEAN      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT console_user_role_known CHECK (role IN ('OWNER', 'MANAGER', 'STAFF'))
);

CREATE TABLE console_user_club (
    email    VARCHAR(254) NOT NULL REFERENCES console_user (email),
    club_id  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (email, club_id)
);

-- A logged-in browser. The cookie holds a random token; only its SHA-256 is stored, so a copy of
-- the database opens no session. A session ends when idle too long, when too old, at logout
-- (revoked_at) or when its user is disabled.
CREATE TABLE console_session (
    token_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL REFERENCES console_user (email),
    csrf_token    VARCHAR(64)  NOT NULL,
    address       VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX console_session_email ON console_session (email);

-- Failed logins counted per account ('account:<email>') and per address ('address:<ip>') in a
-- window; too many lock further attempts out until locked_until.
CREATE TABLE login_throttle (
    throttle_key  VARCHAR(300) NOT NULL PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE
);

-- The console's Today page asks for each workflow's last run per club.
CREATE INDEX workflow_run_club_workflow ON workflow_run (club_id, workflow, started_at);
