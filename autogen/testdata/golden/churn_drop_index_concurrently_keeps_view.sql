-- migrate:revision 0a1b2c3d4e5f
-- migrate:message churn_drop_index_concurrently_keeps_view
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
DROP INDEX CONCURRENTLY public.t_a_idx;

DROP INDEX CONCURRENTLY public.t_b_idx;

-- hazard data-loss (drop-column): dropping column public.t.a deletes its data
ALTER TABLE public.t DROP COLUMN a;

-- migrate:downgrade
ALTER TABLE public.t ADD COLUMN a integer;

CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);

CREATE INDEX CONCURRENTLY t_b_idx ON public.t USING btree (b);

