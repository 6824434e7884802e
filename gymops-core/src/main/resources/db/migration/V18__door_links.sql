-- A door system with ids of its own (Kisi, Brivo, Openpath: docs/INTEGRATIONS.md) is called by its
-- user id of the member, found once by the member's email (or club-system id) and kept here, one
-- row per member and door system, so a change of door system never reuses another system's id.
-- Portable: the same SQL on SQLite and PostgreSQL.
CREATE TABLE door_link (
    member_id     VARCHAR(64)  NOT NULL,
    door_system   VARCHAR(16)  NOT NULL,
    door_user_id  VARCHAR(64)  NOT NULL,
    found_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (member_id, door_system)
);
