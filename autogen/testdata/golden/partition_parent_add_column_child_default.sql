-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_parent_add_column_child_default
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.events ADD COLUMN source text DEFAULT 'api'::text;

ALTER TABLE public.events_2024 ALTER COLUMN source SET DEFAULT 'import'::text;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.events.source deletes its data
ALTER TABLE public.events DROP COLUMN source;

