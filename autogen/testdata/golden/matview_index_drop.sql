-- migrate:revision 0a1b2c3d4e5f
-- migrate:message matview_index_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.mv_name_idx;

-- migrate:downgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index mv_name_idx is built without CONCURRENTLY: writes to public.mv block until it is done
CREATE INDEX mv_name_idx ON public.mv USING btree (name);

