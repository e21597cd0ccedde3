-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON INDEX public.t_a_idx IS 'by a';

-- migrate:downgrade
COMMENT ON INDEX public.t_a_idx IS NULL;

