-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_with_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.posts.uid to user_id breaks queries that still use the old name
ALTER TABLE public.posts RENAME COLUMN uid TO user_id;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.posts.user_id to uid breaks queries that still use the old name
ALTER TABLE public.posts RENAME COLUMN user_id TO uid;

