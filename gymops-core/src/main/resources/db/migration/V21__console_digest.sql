-- The console's Approvals digest and its decision results (docs/MANAGER.md, "The console"): an
-- approval's covered actions are counted by action and template from this index alone, however
-- many members it covers; a run's texts are counted by status (and the queued ones by when they
-- are due) without reading the outbox. Portable.
CREATE INDEX approval_action_digest ON approval_action (approval_id, action, detail, member_id);
CREATE INDEX outbound_message_run ON outbound_message (run_id, status, not_before);
