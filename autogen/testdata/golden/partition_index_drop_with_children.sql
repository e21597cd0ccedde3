-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_drop_with_children
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.readings_sensor_idx;

-- migrate:downgrade
CREATE INDEX readings_sensor_idx ON ONLY public.readings USING btree (sensor);

-- hazard index-build-blocks-writes (require-concurrent-index): index q1_sensor is built without CONCURRENTLY: writes to public.readings_q1 block until it is done
CREATE INDEX q1_sensor ON public.readings_q1 USING btree (sensor);

ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.q1_sensor;

-- hazard index-build-blocks-writes (require-concurrent-index): index q2_sensor is built without CONCURRENTLY: writes to public.readings_q2 block until it is done
CREATE INDEX q2_sensor ON public.readings_q2 USING btree (sensor);

ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.q2_sensor;

