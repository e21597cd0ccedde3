-- migrate:revision 0a1b2c3d4e5f
-- migrate:message column_generated_add
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard table-rewrite (volatile-default): a stored generated column public.t.total is computed for every row, rewriting the table
ALTER TABLE public.t ADD COLUMN total numeric GENERATED ALWAYS AS ((price * (qty)::numeric)) STORED;

-- migrate:downgrade
-- hazard data-loss (drop-column): dropping column public.t.total deletes its data
ALTER TABLE public.t DROP COLUMN total;

