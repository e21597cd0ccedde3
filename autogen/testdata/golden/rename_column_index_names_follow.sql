-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_index_names_follow
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.mail to email breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN mail TO email;

ALTER TABLE public.users RENAME CONSTRAINT users_mail_check TO users_email_check;

ALTER TABLE public.users RENAME CONSTRAINT users_mail_key TO users_email_key;

ALTER INDEX public.users_mail_idx RENAME TO users_email_idx;

ALTER INDEX public.users_nick_mail_idx RENAME TO users_nick_email_idx;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.users.email to mail breaks queries that still use the old name
ALTER TABLE public.users RENAME COLUMN email TO mail;

ALTER TABLE public.users RENAME CONSTRAINT users_email_check TO users_mail_check;

ALTER TABLE public.users RENAME CONSTRAINT users_email_key TO users_mail_key;

ALTER INDEX public.users_email_idx RENAME TO users_mail_idx;

ALTER INDEX public.users_nick_email_idx RENAME TO users_nick_mail_idx;

