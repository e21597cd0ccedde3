-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_default_on_child
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.measurements_2024 ALTER COLUMN v SET DEFAULT 0;

-- migrate:downgrade
ALTER TABLE public.measurements_2024 ALTER COLUMN v DROP DEFAULT;

