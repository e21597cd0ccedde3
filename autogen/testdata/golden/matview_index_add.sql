-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_index_add
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index mv_id_idx is built without CONCURRENTLY: writes to public.mv block until it is done
CREATE UNIQUE INDEX mv_id_idx ON public.mv USING btree (id);

-- hazard index-build-blocks-writes (require-concurrent-index): index mv_name_idx is built without CONCURRENTLY: writes to public.mv block until it is done
CREATE INDEX mv_name_idx ON public.mv USING btree (name);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.mv_id_idx;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.mv_name_idx;

