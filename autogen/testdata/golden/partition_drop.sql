-- migrate:revision 0a1b2c3d4e5f
-- migrate:message partition_drop
-- migrate:created 2026-01-02T03:04:05Z

-- migrate:upgrade
-- hazard data-loss (drop-table): dropping table public.measurements_2025 deletes its rows
DROP TABLE public.measurements_2025;

-- migrate:downgrade
CREATE TABLE public.measurements_2025 PARTITION OF public.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

