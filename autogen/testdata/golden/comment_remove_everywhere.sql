-- migrate:revision 0a1b2c3d4e5f
-- migrate:message comment_remove_everywhere
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON TABLE public.t IS NULL;

COMMENT ON COLUMN public.t.a IS NULL;

COMMENT ON CONSTRAINT t_pkey ON public.t IS NULL;

COMMENT ON INDEX public.t_a_idx IS NULL;

COMMENT ON VIEW public.v IS NULL;

-- migrate:downgrade
COMMENT ON TABLE public.t IS 'table';

COMMENT ON COLUMN public.t.a IS 'column';

COMMENT ON CONSTRAINT t_pkey ON public.t IS 'key';

COMMENT ON INDEX public.t_a_idx IS 'index';

COMMENT ON VIEW public.v IS 'view';

