-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_dependency_transitive
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.v_totals;

DROP VIEW public.v_items;

-- hazard table-rewrite (change-column-type): changing the type of public.items.qty from smallint to integer rewrites public.items and its indexes
ALTER TABLE public.items ALTER COLUMN qty TYPE integer;

CREATE VIEW public.v_items AS
SELECT items.id,
    items.qty
   FROM public.items;

CREATE VIEW public.v_totals AS
SELECT sum(v_items.qty) AS total
   FROM public.v_items;

-- migrate:downgrade
DROP VIEW public.v_totals;

DROP VIEW public.v_items;

-- hazard table-rewrite (change-column-type): changing the type of public.items.qty from integer to smallint rewrites public.items and its indexes
-- hazard unsafe-cast: converting public.items.qty from integer to smallint fails if a value does not convert
ALTER TABLE public.items ALTER COLUMN qty TYPE smallint;

CREATE VIEW public.v_items AS
SELECT items.id,
    items.qty
   FROM public.items;

CREATE VIEW public.v_totals AS
SELECT sum(v_items.qty) AS total
   FROM public.v_items;

