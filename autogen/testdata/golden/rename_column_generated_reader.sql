-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_generated_reader
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.items RENAME COLUMN price TO unit_price;

-- migrate:downgrade
ALTER TABLE public.items RENAME COLUMN unit_price TO price;

