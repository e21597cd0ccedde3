-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_collation
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (change-column-type): changing the collation of public.t.name rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN name TYPE text COLLATE "C";

-- migrate:downgrade
-- hazard access-exclusive-lock (change-column-type): changing the collation of public.t.name rebuilds its indexes under an ACCESS EXCLUSIVE lock
ALTER TABLE public.t ALTER COLUMN name TYPE text;

