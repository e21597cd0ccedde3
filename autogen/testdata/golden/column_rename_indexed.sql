-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_rename_indexed
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.mail to email breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN mail TO email;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.users_mail_key;

-- hazard index-build-blocks-writes (require-concurrent-index): index users_mail_key is built without CONCURRENTLY: writes to public.users block until it is done
CREATE UNIQUE INDEX users_mail_key ON public.users USING btree (email);

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.email to mail breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN email TO mail;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.users_mail_key;

-- hazard index-build-blocks-writes (require-concurrent-index): index users_mail_key is built without CONCURRENTLY: writes to public.users block until it is done
CREATE UNIQUE INDEX users_mail_key ON public.users USING btree (mail);

