-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_generated_change
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-column): dropping column public.t.s deletes its data
ALTER TABLE public.t DROP COLUMN s;

-- hazard table-rewrite (volatile-default): a stored generated column public.t.s is computed for every row, rewriting the table
ALTER TABLE public.t ADD COLUMN s integer GENERATED ALWAYS AS ((a * b)) STORED;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.s deletes its data
ALTER TABLE public.t DROP COLUMN s;

-- hazard table-rewrite (volatile-default): a stored generated column public.t.s is computed for every row, rewriting the table
ALTER TABLE public.t ADD COLUMN s integer GENERATED ALWAYS AS ((a + b)) STORED;

