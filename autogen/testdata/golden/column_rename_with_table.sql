-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_rename_with_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.person to people breaks queries that still use the old name
ALTER TABLE public.person RENAME TO people;

-- hazard access-exclusive-lock (rename-column): renaming column public.people.nm to name breaks queries that still use the old name
ALTER TABLE public.people RENAME COLUMN nm TO name;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.people.name to nm breaks queries that still use the old name
ALTER TABLE public.people RENAME COLUMN name TO nm;

-- hazard access-exclusive-lock (rename-table): renaming public.people to person breaks queries that still use the old name
ALTER TABLE public.people RENAME TO person;

