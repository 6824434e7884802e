-- Read paths of issue 14, portable to PostgreSQL and SQLite.
-- door-access reads the members who owe money or are locked: with the past-due index, this one
-- lets the OR be answered from two index ranges instead of a walk over every member of the club.
CREATE INDEX member_club_door ON member (club_id, door_state);
-- The plan's exceptions read a club's notes of the last 30 days in one query, by time.
CREATE INDEX member_note_created ON member_note (created_at);
