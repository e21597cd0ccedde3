-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_add_enum_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ADD COLUMN mood public.mood DEFAULT 'ok'::public.mood NOT NULL;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.mood deletes its data
ALTER TABLE public.t DROP COLUMN mood;

