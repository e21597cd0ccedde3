-- migrate:revision 0a1b2c3d4e5f
-- migrate:message funcid_view_function
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.recent;

CREATE VIEW public.recent AS
SELECT ev.id
   FROM public.ev
  WHERE (ev.at > (public.now() - '1 day'::interval));

-- migrate:downgrade
DROP VIEW public.recent;

CREATE VIEW public.recent AS
SELECT ev.id
   FROM public.ev
  WHERE (ev.at > (now() - '1 day'::interval));

