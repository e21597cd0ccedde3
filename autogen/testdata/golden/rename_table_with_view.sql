-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_table_with_view
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-table): renaming public.items to products breaks queries that still use the old name
ALTER TABLE public.items RENAME TO products;

DROP VIEW public.item_names;

CREATE VIEW public.item_names AS
SELECT products.name
   FROM public.products;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-table): renaming public.products to items breaks queries that still use the old name
ALTER TABLE public.products RENAME TO items;

DROP VIEW public.item_names;

CREATE VIEW public.item_names AS
SELECT items.name
   FROM public.items;

