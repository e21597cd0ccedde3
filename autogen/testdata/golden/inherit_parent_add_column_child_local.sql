-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_add_column_child_local
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.truck ADD COLUMN year integer;

ALTER TABLE public.vehicle ADD COLUMN year integer;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.vehicle.year deletes its data
ALTER TABLE public.vehicle DROP COLUMN year;

-- hazard data-loss (drop-column): dropping column public.truck.year deletes its data
ALTER TABLE public.truck DROP COLUMN year;

