-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_trigger
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.docs RENAME COLUMN body TO content;

-- migrate:downgrade
ALTER TABLE public.docs RENAME COLUMN content TO body;

