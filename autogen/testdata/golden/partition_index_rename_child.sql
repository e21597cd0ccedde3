-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_index_rename_child
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
ALTER INDEX public.readings_q1_sensor_idx RENAME TO q1_sensor;

-- migrate:downgrade
ALTER INDEX public.q1_sensor RENAME TO readings_q1_sensor_idx;

