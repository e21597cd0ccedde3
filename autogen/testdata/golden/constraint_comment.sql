-- migrate:revision 0a1b2c3d4e5f
-- migrate:message constraint_comment
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON CONSTRAINT t_pkey ON public.t IS 'the key';

-- migrate:downgrade
COMMENT ON CONSTRAINT t_pkey ON public.t IS NULL;

