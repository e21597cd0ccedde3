-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_with_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.posts.uid to user_id breaks queries that still use the old name
ALTER TABLE public.posts RENAME COLUMN uid TO user_id;

ALTER TABLE public.posts DROP CONSTRAINT posts_user_fk;

-- hazard full-scan (foreign-key-not-valid): validating posts_user_fk scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id);

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.posts.user_id to uid breaks queries that still use the old name
ALTER TABLE public.posts RENAME COLUMN user_id TO uid;

ALTER TABLE public.posts DROP CONSTRAINT posts_user_fk;

-- hazard full-scan (foreign-key-not-valid): validating posts_user_fk scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (uid) REFERENCES public.users(id);

