-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_column_type_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP MATERIALIZED VIEW public.mv;

-- hazard table-rewrite (change-column-type): changing the type of public.t.v from smallint to bigint rewrites public.t and its indexes
ALTER TABLE public.t ALTER COLUMN v TYPE bigint;

CREATE MATERIALIZED VIEW public.mv AS
SELECT t.id,
    t.v
   FROM public.t;

CREATE INDEX mv_v_idx ON public.mv USING btree (v);

-- migrate:downgrade
DROP MATERIALIZED VIEW public.mv;

-- hazard table-rewrite (change-column-type): changing the type of public.t.v from bigint to smallint rewrites public.t and its indexes
-- hazard unsafe-cast: converting public.t.v from bigint to smallint fails if a value does not convert
ALTER TABLE public.t ALTER COLUMN v TYPE smallint;

CREATE MATERIALIZED VIEW public.mv AS
SELECT t.id,
    t.v
   FROM public.t;

CREATE INDEX mv_v_idx ON public.mv USING btree (v);

