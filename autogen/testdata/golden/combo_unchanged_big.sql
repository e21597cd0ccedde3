-- migrate:revision 0a1b2c3d4e5f
-- migrate:message combo_unchanged_big
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON TABLE public.posts IS 'blog posts!';

-- migrate:downgrade
COMMENT ON TABLE public.posts IS 'blog posts';

