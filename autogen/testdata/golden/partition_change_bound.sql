-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_change_bound
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.measurements (ACCESS EXCLUSIVE)
ALTER TABLE public.measurements DETACH PARTITION public.measurements_old;

-- hazard full-scan: attaching public.measurements_old scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.measurements_old builds the indexes of public.measurements on it
ALTER TABLE public.measurements ATTACH PARTITION public.measurements_old FOR VALUES FROM ('2019-01-01') TO ('2024-01-01');

-- migrate:downgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.measurements (ACCESS EXCLUSIVE)
ALTER TABLE public.measurements DETACH PARTITION public.measurements_old;

-- hazard full-scan: attaching public.measurements_old scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.measurements_old builds the indexes of public.measurements on it
ALTER TABLE public.measurements ATTACH PARTITION public.measurements_old FOR VALUES FROM ('2020-01-01') TO ('2023-01-01');

