-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rename_other_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: moving app.events locks it briefly
-- hazard access-exclusive-lock (rename-table): moving table app.events to schema audit breaks queries that still name it app.events
ALTER TABLE app.events SET SCHEMA audit;

-- hazard access-exclusive-lock (rename-table): renaming audit.events to past_events breaks queries that still use the old name
ALTER TABLE audit.events RENAME TO past_events;

-- migrate:downgrade
-- hazard access-exclusive-lock: moving audit.past_events locks it briefly
-- hazard access-exclusive-lock (rename-table): moving table audit.past_events to schema app breaks queries that still name it audit.past_events
ALTER TABLE audit.past_events SET SCHEMA app;

-- hazard access-exclusive-lock (rename-table): renaming app.past_events to events breaks queries that still use the old name
ALTER TABLE app.past_events RENAME TO events;

