-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_merged_column_parent_add
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.base ADD COLUMN label text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.base.label deletes its data
ALTER TABLE public.base DROP COLUMN label;

