-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_rename_indexed
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.mail to email breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN mail TO email;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.email to mail breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN email TO mail;

