-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_detach_keeps_child_index_name
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.hits (ACCESS EXCLUSIVE)
ALTER TABLE public.hits DETACH PARTITION public.hits_2024;

-- migrate:downgrade
-- hazard full-scan: attaching public.hits_2024 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.hits_2024 builds the indexes of public.hits on it
ALTER TABLE public.hits ATTACH PARTITION public.hits_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

