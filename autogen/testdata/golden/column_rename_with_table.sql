-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_rename_with_table
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.person RENAME TO people;

ALTER TABLE public.people RENAME COLUMN nm TO name;

-- migrate:downgrade
ALTER TABLE public.people RENAME COLUMN name TO nm;

ALTER TABLE public.people RENAME TO person;

