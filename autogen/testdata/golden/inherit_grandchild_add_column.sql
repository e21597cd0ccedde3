-- migrate:revision 0a1b2c3d4e5f
-- migrate:message inherit_grandchild_add_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.a ADD COLUMN note text DEFAULT 'n/a'::text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.a.note deletes its data
ALTER TABLE public.a DROP COLUMN note;

