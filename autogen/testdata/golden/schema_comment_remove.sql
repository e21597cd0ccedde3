-- migrate:revision 0a1b2c3d4e5f
-- migrate:message schema_comment_remove
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON SCHEMA app IS NULL;

-- migrate:downgrade
COMMENT ON SCHEMA app IS 'old words';

