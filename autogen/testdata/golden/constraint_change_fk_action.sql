-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_change_fk_action
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.posts DROP CONSTRAINT posts_user_fk;

-- hazard full-scan (foreign-key-not-valid): validating posts_user_fk scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON UPDATE CASCADE ON DELETE SET NULL;

-- migrate:downgrade
ALTER TABLE public.posts DROP CONSTRAINT posts_user_fk;

-- hazard full-scan (foreign-key-not-valid): validating posts_user_fk scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_user_fk FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

