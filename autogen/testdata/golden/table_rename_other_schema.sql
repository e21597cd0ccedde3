-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rename_other_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: moving app.events locks it briefly
ALTER TABLE app.events SET SCHEMA audit;

ALTER TABLE audit.events RENAME TO past_events;

-- migrate:downgrade
-- hazard access-exclusive-lock: moving audit.past_events locks it briefly
ALTER TABLE audit.past_events SET SCHEMA app;

ALTER TABLE app.past_events RENAME TO events;

