-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_change_columns
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_ab_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_ab_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_ab_idx ON public.t USING btree (a, b);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_ab_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_ab_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_ab_idx ON public.t USING btree (a);

