-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.uid to id breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN uid TO id;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.id to uid breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN id TO uid;

