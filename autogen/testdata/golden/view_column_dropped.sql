-- migrate:revision 0a1b2c3d4e5f
-- migrate:message view_column_dropped
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
DROP VIEW public.item_view;

-- hazard data-loss (drop-column): dropping column public.items.legacy deletes its data
ALTER TABLE public.items DROP COLUMN legacy;

CREATE VIEW public.item_view AS
SELECT items.id,
    items.price
   FROM public.items;

-- migrate:downgrade
DROP VIEW public.item_view;

ALTER TABLE public.items ADD COLUMN legacy text;

CREATE VIEW public.item_view AS
SELECT items.id,
    items.price,
    items.legacy
   FROM public.items;

