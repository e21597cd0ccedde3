-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_referenced
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.users RENAME COLUMN uid TO id;

-- migrate:downgrade
ALTER TABLE public.users RENAME COLUMN id TO uid;

