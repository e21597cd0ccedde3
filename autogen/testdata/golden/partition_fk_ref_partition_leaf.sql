-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_fk_ref_partition_leaf
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.logs (ACCESS EXCLUSIVE)
ALTER TABLE public.logs DETACH PARTITION public.logs_2024;

-- migrate:downgrade
-- hazard full-scan: attaching public.logs_2024 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.logs_2024 builds the indexes of public.logs on it
ALTER TABLE public.logs ATTACH PARTITION public.logs_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

