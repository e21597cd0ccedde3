-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_partitioned
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.events RENAME COLUMN at TO happened_on;

-- migrate:downgrade
ALTER TABLE public.events RENAME COLUMN happened_on TO at;

