-- A club system with ids of its own (ClubHub: docs/INTEGRATIONS.md) keys its calls, the door's bans
-- among them, by its id of the member, which need not be GymOps' member id; its standing of the
-- member (staff are never locked) and the last check-in are shown on the member's page. Portable:
-- ADD COLUMN of a nullable column reads the same on SQLite and PostgreSQL.
ALTER TABLE member ADD COLUMN external_id VARCHAR(64);
ALTER TABLE member ADD COLUMN club_status VARCHAR(32);
ALTER TABLE member ADD COLUMN last_check_in DATE;
