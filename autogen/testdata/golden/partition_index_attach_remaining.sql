-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_attach_remaining
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.q2_sensor;

-- migrate:downgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.readings_sensor_idx;

CREATE INDEX readings_sensor_idx ON ONLY public.readings USING btree (sensor);

-- hazard index-build-blocks-writes (require-concurrent-index): index readings_q1_sensor_idx is built without CONCURRENTLY: writes to public.readings_q1 block until it is done
CREATE INDEX readings_q1_sensor_idx ON public.readings_q1 USING btree (sensor);

ALTER INDEX public.readings_sensor_idx ATTACH PARTITION public.readings_q1_sensor_idx;

-- hazard index-build-blocks-writes (require-concurrent-index): index q2_sensor is built without CONCURRENTLY: writes to public.readings_q2 block until it is done
CREATE INDEX q2_sensor ON public.readings_q2 USING btree (sensor);

