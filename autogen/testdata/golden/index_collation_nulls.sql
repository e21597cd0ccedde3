-- migrate:revision 0a1b2c3d4e5f
-- migrate:message index_collation_nulls
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_name_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_name_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_name_idx ON public.t USING btree (name COLLATE "C" DESC NULLS LAST);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.t_name_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index t_name_idx is built without CONCURRENTLY: writes to public.t block until it is done
CREATE INDEX t_name_idx ON public.t USING btree (name);

