-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_trigger
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.docs.body to content breaks queries that still use the old name
ALTER TABLE public.docs RENAME COLUMN body TO content;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.docs.content to body breaks queries that still use the old name
ALTER TABLE public.docs RENAME COLUMN content TO body;

