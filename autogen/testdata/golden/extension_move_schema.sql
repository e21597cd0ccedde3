-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_move_schema
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION citext SET SCHEMA app;

-- migrate:downgrade
ALTER EXTENSION citext SET SCHEMA public;

