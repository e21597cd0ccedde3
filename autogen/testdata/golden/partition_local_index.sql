-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_local_index
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index measurements_2024_v_idx is built without CONCURRENTLY: writes to public.measurements_2024 block until it is done
CREATE INDEX measurements_2024_v_idx ON public.measurements_2024 USING btree (v);

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.measurements_2024_v_idx;

