-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON EXTENSION isn IS 'book numbers';

-- migrate:downgrade
COMMENT ON EXTENSION isn IS 'data types for international product numbering standards';

