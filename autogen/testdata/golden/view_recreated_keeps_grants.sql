-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_recreated_keeps_grants
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.v;

CREATE VIEW public.v AS
SELECT users.id,
    users.name
   FROM public.users;

COMMENT ON VIEW public.v IS 'ids';

GRANT SELECT ON TABLE public.v TO app_reader;

-- migrate:downgrade
DROP VIEW public.v;

CREATE VIEW public.v AS
SELECT users.id
   FROM public.users;

COMMENT ON VIEW public.v IS 'ids';

GRANT SELECT ON TABLE public.v TO app_reader;

