-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_fk_not_valid_flag
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.posts ADD CONSTRAINT posts_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) NOT VALID;

-- hazard full-scan: validation scans public.posts with a SHARE UPDATE EXCLUSIVE lock (writes continue)
ALTER TABLE public.posts VALIDATE CONSTRAINT posts_user_id_fkey;

-- migrate:downgrade
ALTER TABLE public.posts DROP CONSTRAINT posts_user_id_fkey;

