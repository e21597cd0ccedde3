-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_add_column_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.measurements ADD COLUMN unit text DEFAULT 'm'::text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.measurements.unit deletes its data
ALTER TABLE public.measurements DROP COLUMN unit;

