-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_drop_column_child_keeps
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.vehicle.year deletes its data
ALTER TABLE ONLY public.vehicle DROP COLUMN year;

-- hazard data-loss (drop-column): dropping column public.bus.year deletes its data
ALTER TABLE public.bus DROP COLUMN year;

-- migrate:downgrade
ALTER TABLE public.vehicle ADD COLUMN year integer;

