-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_concurrently
-- migrate:created 2026-01-02T03:04:05Z
-- migrate:transaction false

-- migrate:upgrade
DROP INDEX CONCURRENTLY public.t_b_idx;

CREATE INDEX CONCURRENTLY t_a_idx ON public.t USING btree (a);

-- migrate:downgrade
DROP INDEX CONCURRENTLY public.t_a_idx;

CREATE INDEX CONCURRENTLY t_b_idx ON public.t USING btree (b);

