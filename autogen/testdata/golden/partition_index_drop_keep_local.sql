-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_drop_keep_local
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.readings_sensor_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index readings_q1_sensor_idx is built without CONCURRENTLY: writes to public.readings_q1 block until it is done
CREATE INDEX readings_q1_sensor_idx ON public.readings_q1 USING btree (sensor);

-- migrate:downgrade
-- hazard index-build-blocks-writes (require-concurrent-index): index readings_sensor_idx is built without CONCURRENTLY: writes to public.readings block until it is done
CREATE INDEX readings_sensor_idx ON public.readings USING btree (sensor);

