-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_on_parent
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index measurements_v_idx is built without CONCURRENTLY: writes to public.measurements block until it is done
CREATE INDEX measurements_v_idx ON public.measurements USING btree (v);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.measurements_v_idx;

