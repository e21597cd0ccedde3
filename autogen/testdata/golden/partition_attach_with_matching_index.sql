-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_attach_with_matching_index
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard access-exclusive-lock: DROP INDEX without CONCURRENTLY locks its table
DROP INDEX public.m2025_v_idx;

-- hazard full-scan: attaching public.measurements_2025 scans it to check the partition bound unless a matching CHECK constraint exists
-- hazard index-build-blocks-writes: attaching public.measurements_2025 builds the indexes of public.measurements on it
ALTER TABLE public.measurements ATTACH PARTITION public.measurements_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- migrate:downgrade
-- hazard access-exclusive-lock: DETACH PARTITION locks public.measurements (ACCESS EXCLUSIVE)
ALTER TABLE public.measurements DETACH PARTITION public.measurements_2025;

ALTER TABLE public.measurements_2025 DROP CONSTRAINT measurements_2025_pkey;

ALTER INDEX public.measurements_2025_v_idx RENAME TO m2025_v_idx;

