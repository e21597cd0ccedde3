-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_comment_grant
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
COMMENT ON VIEW public.v IS 'names only';

COMMENT ON COLUMN public.v.name IS 'display name';

GRANT SELECT ON TABLE public.v TO app_reader;

-- migrate:downgrade
COMMENT ON VIEW public.v IS NULL;

COMMENT ON COLUMN public.v.name IS NULL;

REVOKE SELECT ON TABLE public.v FROM app_reader;

