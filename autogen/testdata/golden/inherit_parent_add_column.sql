-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_parent_add_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.animal ADD COLUMN born date;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.animal.born deletes its data
ALTER TABLE public.animal DROP COLUMN born;

