-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_rename_implicit_names
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.person to people breaks queries that still use the old name
ALTER TABLE public.person RENAME TO people;

ALTER TABLE public.people RENAME CONSTRAINT person_email_key TO people_email_key;

ALTER TABLE public.people RENAME CONSTRAINT person_pkey TO people_pkey;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.people to person breaks queries that still use the old name
ALTER TABLE public.people RENAME TO person;

ALTER TABLE public.person RENAME CONSTRAINT people_email_key TO person_email_key;

ALTER TABLE public.person RENAME CONSTRAINT people_pkey TO person_pkey;

