-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_add_not_null_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.users ADD COLUMN active boolean DEFAULT true NOT NULL;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.users.active deletes its data
ALTER TABLE public.users DROP COLUMN active;

