-- The console's pages at 100,000 members, each answered from an index (docs/BENCHMARKS.md).
-- A run's page reads the texts of the members on one page of its actions, not the whole run's.
CREATE INDEX outbound_message_run_member ON outbound_message (run_id, member_id);

-- The Outbox counts each tab and lists it per club and status, due ones by time.
CREATE INDEX outbound_message_club_status ON outbound_message (club_id, status, not_before);

-- Member search finds names by their start (a range of the lower-cased name), not by a walk over
-- every member of the club.
CREATE INDEX member_last_name ON member (club_id, LOWER(last_name));
CREATE INDEX member_first_name ON member (club_id, LOWER(first_name));
