-- migrate:revision 0a1b2c3d4e5f
-- migrate:message table_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON TABLE public.t IS 'it''s a table';

-- migrate:downgrade
COMMENT ON TABLE public.t IS NULL;

