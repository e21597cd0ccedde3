-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_over_matview
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.big;

DROP MATERIALIZED VIEW public.mv;

CREATE MATERIALIZED VIEW public.mv AS
SELECT t.id,
    t.v,
    (t.v * 2) AS v2
   FROM public.t;

CREATE VIEW public.big AS
SELECT mv.id
   FROM public.mv
  WHERE (mv.v > 100);

-- migrate:downgrade
DROP VIEW public.big;

DROP MATERIALIZED VIEW public.mv;

CREATE MATERIALIZED VIEW public.mv AS
SELECT t.id,
    t.v
   FROM public.t;

CREATE VIEW public.big AS
SELECT mv.id
   FROM public.mv
  WHERE (mv.v > 100);

