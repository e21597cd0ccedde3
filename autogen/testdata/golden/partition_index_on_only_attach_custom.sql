-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_on_only_attach_custom
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
CREATE INDEX readings_sensor_idx ON ONLY public.readings USING btree (sensor);

-- hazard index-build-blocks-writes (require-concurrent-index): index q1_by_sensor is built without CONCURRENTLY: writes to public.readings_q1 block until it is done
CREATE INDEX q1_by_sensor ON public.readings_q1 USING btree (sensor);

ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.q1_by_sensor;

-- hazard index-build-blocks-writes (require-concurrent-index): index q2_by_sensor is built without CONCURRENTLY: writes to public.readings_q2 block until it is done
CREATE INDEX q2_by_sensor ON public.readings_q2 USING btree (sensor);

ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.q2_by_sensor;

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.readings_sensor_idx;

