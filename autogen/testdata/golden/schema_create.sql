-- migrate:revision 0a1b2c3d4e5f
-- migrate:message schema_create
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE SCHEMA IF NOT EXISTS app;

-- migrate:downgrade
DROP SCHEMA app;

