-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_generated_reader
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.items.price to unit_price breaks queries that still use the old name
ALTER TABLE public.items RENAME COLUMN price TO unit_price;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.items.unit_price to price breaks queries that still use the old name
ALTER TABLE public.items RENAME COLUMN unit_price TO price;

