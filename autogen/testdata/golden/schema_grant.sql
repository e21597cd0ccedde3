-- migrate:revision 0a1b2c3d4e5f
-- migrate:message schema_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
GRANT CREATE ON SCHEMA app TO app_admin WITH GRANT OPTION;

GRANT USAGE ON SCHEMA app TO app_admin WITH GRANT OPTION;

GRANT USAGE ON SCHEMA app TO app_reader;

-- migrate:downgrade
REVOKE CREATE ON SCHEMA app FROM app_admin;

REVOKE USAGE ON SCHEMA app FROM app_admin;

REVOKE USAGE ON SCHEMA app FROM app_reader;

