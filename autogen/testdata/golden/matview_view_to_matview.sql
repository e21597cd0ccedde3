-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_view_to_matview
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.summary;

CREATE MATERIALIZED VIEW public.summary AS
SELECT count(*) AS n
   FROM public.users;

-- migrate:downgrade
DROP MATERIALIZED VIEW public.summary;

CREATE VIEW public.summary AS
SELECT count(*) AS n
   FROM public.users;

