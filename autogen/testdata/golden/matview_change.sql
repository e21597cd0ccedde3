-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP MATERIALIZED VIEW public.mv;

CREATE MATERIALIZED VIEW public.mv AS
SELECT users.id,
    users.name
   FROM public.users;

CREATE UNIQUE INDEX mv_id_idx ON public.mv USING btree (id);

-- migrate:downgrade
DROP MATERIALIZED VIEW public.mv;

CREATE MATERIALIZED VIEW public.mv AS
SELECT users.id
   FROM public.users;

CREATE UNIQUE INDEX mv_id_idx ON public.mv USING btree (id);

