-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_attach_parent_adds_column
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.events ADD COLUMN source text DEFAULT 'app'::text NOT NULL;

ALTER TABLE public.events_old ADD COLUMN source text DEFAULT 'app'::text NOT NULL;

-- hazard full-scan: attaching public.events_old scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.events_old builds the indexes of public.events on it
ALTER TABLE public.events ATTACH PARTITION public.events_old FOR VALUES FROM ('2000-01-01') TO ('2024-01-01');

-- migrate:downgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.events (ACCESS EXCLUSIVE)
ALTER TABLE public.events DETACH PARTITION public.events_old;

-- hazard data-loss (drop-column): dropping column public.events.source deletes its data
ALTER TABLE public.events DROP COLUMN source;

-- hazard data-loss (drop-column): dropping column public.events_old.source deletes its data
ALTER TABLE public.events_old DROP COLUMN source;

