-- migrate:revision 0a1b2c3d4e5f
-- migrate:message extension_update_and_move
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER EXTENSION citext SET SCHEMA app;

ALTER EXTENSION citext UPDATE TO '1.6';

-- migrate:irreversible extension citext has no update path from version 1.6 to 1.5 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- The downgrade that cannot run, for reference:
-- ALTER EXTENSION citext SET SCHEMA public;
--
-- -- hazard extension-no-update-path: extension citext has no update path from version 1.6 to 1.5 on this server (pg_extension_update_paths): ALTER EXTENSION ... UPDATE TO cannot run
-- ALTER EXTENSION citext UPDATE TO '1.5';

