-- migrate:revision 0a1b2c3d4e5f
-- migrate:message schema_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP SCHEMA audit;

-- migrate:downgrade
CREATE SCHEMA IF NOT EXISTS audit;

