-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_update
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION hstore UPDATE TO '1.8';

-- migrate:downgrade
ALTER EXTENSION hstore UPDATE TO '1.7';

