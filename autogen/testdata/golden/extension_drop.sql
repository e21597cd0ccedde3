-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss: dropping extension citext drops the objects it owns
DROP EXTENSION citext;

-- migrate:downgrade
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';

COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

