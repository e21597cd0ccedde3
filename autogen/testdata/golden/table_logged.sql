-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_logged
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite: SET LOGGED rewrites public.cache under an ACCESS EXCLUSIVE lock
ALTER TABLE public.cache SET LOGGED;

-- migrate:downgrade
-- hazard table-rewrite: SET UNLOGGED rewrites public.cache under an ACCESS EXCLUSIVE lock
ALTER TABLE public.cache SET UNLOGGED;

