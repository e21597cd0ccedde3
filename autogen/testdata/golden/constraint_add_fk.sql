-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_add_fk
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard full-scan (foreign-key-not-valid): validating posts_user_id_fkey scans every row of public.posts while blocking writes (use not-valid constraints to avoid it)
ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) ON DELETE CASCADE;

-- migrate:downgrade
ALTER TABLE public.posts DROP CONSTRAINT posts_user_id_fkey;

