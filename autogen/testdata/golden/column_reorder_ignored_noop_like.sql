-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_reorder_ignored_noop_like
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER TABLE public.t ADD COLUMN b text DEFAULT 'x'::text;

ALTER TABLE public.t ADD COLUMN c integer DEFAULT 0 NOT NULL;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.b deletes its data
ALTER TABLE public.t DROP COLUMN b;

-- hazard data-loss (drop-column): dropping column public.t.c deletes its data
ALTER TABLE public.t DROP COLUMN c;

