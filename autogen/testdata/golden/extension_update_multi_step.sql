-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_update_multi_step
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION pg_trgm UPDATE TO '1.6';

-- migrate:irreversible extension pg_trgm has no update path from version 1.6 to 1.4 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- The downgrade that cannot run, for reference:
-- -- hazard extension-no-update-path: extension pg_trgm has no update path from version 1.6 to 1.4 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- ALTER EXTENSION pg_trgm UPDATE TO '1.4';

