-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_update_with_column_rows
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION hstore UPDATE TO '1.8';

-- migrate:irreversible extension hstore has no update path from version 1.8 to 1.7 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- The downgrade that cannot run, for reference:
-- -- hazard extension-no-update-path: extension hstore has no update path from version 1.8 to 1.7 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- ALTER EXTENSION hstore UPDATE TO '1.7';

