-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_retype_column_keeps_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.order_notes;

-- hazard access-exclusive-lock (change-column-type): changing the type of public.orders.note takes an ACCESS EXCLUSIVE lock (no rewrite)
ALTER TABLE public.orders ALTER COLUMN note TYPE text;

CREATE VIEW public.order_notes AS
SELECT orders.id,
    orders.note
   FROM public.orders;

-- migrate:downgrade
DROP VIEW public.order_notes;

-- hazard table-rewrite (change-column-type): changing the type of public.orders.note from text to character varying(20) rewrites public.orders and its indexes
-- hazard unsafe-cast: converting public.orders.note from text to character varying(20) fails if a value is longer than 20 characters rather than cut it (only spaces beyond the limit are dropped, as SQL requires)
ALTER TABLE public.orders ALTER COLUMN note TYPE character varying(20);

CREATE VIEW public.order_notes AS
SELECT orders.id,
    orders.note
   FROM public.orders;

