-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_rename
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.name to full_name breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN name TO full_name;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.full_name to name breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN full_name TO name;

