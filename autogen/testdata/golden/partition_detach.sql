-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_detach
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.measurements (ACCESS EXCLUSIVE)
ALTER TABLE public.measurements DETACH PARTITION public.measurements_2023;

ALTER TABLE public.measurements_2023 DROP CONSTRAINT measurements_2023_pkey;

-- migrate:downgrade
-- hazard full-scan: attaching public.measurements_2023 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.measurements_2023 builds the indexes of public.measurements on it
ALTER TABLE public.measurements ATTACH PARTITION public.measurements_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');

