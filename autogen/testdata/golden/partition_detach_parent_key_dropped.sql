-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_detach_parent_key_dropped
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.readings (ACCESS EXCLUSIVE)
ALTER TABLE public.readings DETACH PARTITION public.readings_2024;

ALTER TABLE public.readings DROP CONSTRAINT readings_sensor_at_key;

-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.readings_v_idx;

ALTER TABLE public.readings_2024 DROP CONSTRAINT readings_2024_sensor_at_key;

-- migrate:downgrade
-- hazard full-scan: attaching public.readings_2024 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.readings_2024 builds the indexes of public.readings on it
ALTER TABLE public.readings ATTACH PARTITION public.readings_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- hazard index-build-blocks-writes (unique-constraint-without-index): the index of readings_sensor_at_key is built without CONCURRENTLY under an ACCESS EXCLUSIVE lock on public.readings
ALTER TABLE public.readings ADD CONSTRAINT readings_sensor_at_key UNIQUE (sensor, at);

-- hazard index-build-blocks-writes (require-concurrent-index): index readings_v_idx is built without CONCURRENTLY: writes to public.readings block until it is done
CREATE INDEX readings_v_idx ON public.readings USING btree (v);

