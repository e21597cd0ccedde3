-- migrate:revision 0a1b2c3d4e5f
-- migrate:message rename_column_partitioned
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.events.at to happened_on breaks queries that still use the old name
ALTER TABLE public.events RENAME COLUMN at TO happened_on;

ALTER INDEX public.events_2024_at_idx RENAME TO events_2024_happened_on_idx;

-- migrate:downgrade
-- hazard access-exclusive-lock (rename-column): renaming column public.events.happened_on to at breaks queries that still use the old name
ALTER TABLE public.events RENAME COLUMN happened_on TO at;

ALTER INDEX public.events_2024_happened_on_idx RENAME TO events_2024_at_idx;

