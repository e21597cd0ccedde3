-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_three_levels_drop_middle_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.a.tag deletes its data
ALTER TABLE ONLY public.a DROP COLUMN tag;

-- migrate:downgrade
ALTER TABLE public.a ADD COLUMN tag text;

